using System.Runtime.InteropServices;

namespace Academy.Catalog.Files;

/// <summary>What a path names, as the file system's stat says.</summary>
public enum FileType
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket without opening it: opening a FIFO for reading
/// blocks until something writes to it, and /dev/zero never ends. .NET has no public API for the file
/// type, so this asks .NET's own native shim (libSystem.Native, part of every .NET on Unix), whose
/// FileStatus starts with Flags and Mode and whose S_IF* values are fixed on every Unix by design.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;

    /// <summary>The type of <paramref name="path"/>; with <paramref name="followLinks"/> false a symbolic link is reported as one.</summary>
    public static FileType Of(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows())
        {
            return OfWindows(path, followLinks);
        }

        var status = default(FileStatus);
        var result = followLinks ? Stat(path, out status) : LStat(path, out status);
        if (result != 0)
        {
            // Missing, or a path through something that is not a folder: either way nothing is there to read or replace.
            return Directory.Exists(path) ? FileType.Directory : FileType.Missing;
        }

        return (status.Mode & TypeMask) switch
        {
            0x8000 => FileType.Regular,
            0x4000 => FileType.Directory,
            0xA000 => FileType.SymbolicLink,
            0x1000 => FileType.NamedPipe,
            0x2000 => FileType.CharacterDevice,
            0x6000 => FileType.BlockDevice,
            0xC000 => FileType.Socket,
            _ => FileType.Other,
        };
    }

    /// <summary>"a named pipe (FIFO)", "a character device" and so on, for messages.</summary>
    public static string Describe(FileType type) => type switch
    {
        FileType.Regular => "a regular file",
        FileType.Directory => "a folder",
        FileType.SymbolicLink => "a symbolic link",
        FileType.NamedPipe => "a named pipe (FIFO) or a process substitution",
        FileType.CharacterDevice => "a character device (such as /dev/zero or /dev/null)",
        FileType.BlockDevice => "a block device",
        FileType.Socket => "a socket",
        FileType.Missing => "missing",
        _ => "not a regular file",
    };

    private static FileType OfWindows(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Directory.Exists(path) ? FileType.Directory : FileType.Missing;
        }

        if (!followLinks && info.LinkTarget is not null)
        {
            return FileType.SymbolicLink;
        }

        return info.Attributes.HasFlag(FileAttributes.Device) ? FileType.CharacterDevice : FileType.Regular;
    }

    // Larger than the native struct of any .NET version: only the first two fields are read.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    // DllImport, not LibraryImport: the generated marshalling would need unsafe code enabled for two calls.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
}
