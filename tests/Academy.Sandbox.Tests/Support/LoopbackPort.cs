using System.Net;
using System.Net.Sockets;

namespace Academy.Sandbox.Tests.Support;

/// <summary>A free port on 127.0.0.1, for test servers that cannot pick one themselves (dynalite ignores --port 0).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
