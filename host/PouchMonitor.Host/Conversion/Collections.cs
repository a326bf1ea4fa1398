namespace PouchMonitor.Host.Conversion;

internal static class Collections
{
    public static List<T> GetOrAdd<T>(Dictionary<string, List<T>> lists, string key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists.Add(key, list);
        }

        return list;
    }
}
