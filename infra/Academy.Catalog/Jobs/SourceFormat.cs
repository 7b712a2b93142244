namespace Academy.Catalog.Jobs;

/// <summary>How the dataset's file is written: for IMDb, gzipped UTF-8 TSV with a header, no quoting, \N for null.</summary>
public sealed record SourceFormat(
    string Type,
    string Compression,
    string Encoding,
    string Delimiter,
    bool Header,
    bool Quoting,
    string NullValue,
    string? ArrayDelimiter);
