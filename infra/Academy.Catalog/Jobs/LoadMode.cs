namespace Academy.Catalog.Jobs;

public enum LoadMode
{
    /// <summary>Reload the whole dataset and replace the target.</summary>
    Full,

    /// <summary>Load only rows past the stored high-water mark of the watermark column, merged on the primary key.</summary>
    Incremental,
}
