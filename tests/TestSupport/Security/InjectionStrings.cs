namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// Injection-shaped inputs for the free-text search and filter fields (issue #9): SQL, LIKE wildcards, escapes, quotes, control
/// characters, unicode tricks. A search with one of them must answer normally (OK, matching nothing it should not) or, for
/// identifier filters, INVALID_ARGUMENT — never INTERNAL, never every row.
/// </summary>
public static class InjectionStrings
{
    /// <summary>The over-long input (10,000 characters): INVALID_ARGUMENT is allowed for it everywhere.</summary>
    public static string VeryLong { get; } = new('浙', 10_000);

    public static IReadOnlyList<string> All { get; } =
    [
        "' OR 1=1 --",
        "' OR '1'='1",
        "\"; DROP TABLE registrations; --",
        "'; SELECT pg_sleep(5); --",
        "%",
        "_",
        "%%",
        "\\",
        "\\%",
        "*",
        "' UNION SELECT NULL --",
        "$1",
        "{}",
        "\0",
        "\u202E张三",
        "张\u200B三",
        "😀",
        "Ｚ',",
        VeryLong,
    ];

    /// <summary>The cases as xunit theory rows (index into <see cref="All"/>, so test names stay short).</summary>
    public static IEnumerable<object[]> Indexes => All.Select((_, i) => new object[] { i });
}
