namespace DonationRegistry.Hla.Tool;

/// <summary>Help texts.</summary>
internal static class Usage
{
    public const string Main = """
        hla — HLA typing checks against an IPD-IMGT/HLA release

        Usage:
          hla reduce --release <folder> --to G|P|lg|lgx|S [--mac <file>]
          hla match  --release <folder> --patient <GL String> --donor <GL String> [--criteria 10/10|9/10|8/10|8/8|6/6]
                     [--format text|tsv] [--mac <file>]
          hla hml    --file <HML file> [--release <folder>] [--schema <xsd>] [--mac <file>]
          hla <command> --help

        Commands:
          reduce   Reads one typing per line on stdin; writes "typing<TAB>result" or "typing<TAB>ERROR<TAB>reason" per line.
          match    Scores one patient/donor pair with the search rules and prints the per-locus detail.
          hml      Lists the typings of an HML file as the HSC service reads them (and checks them against a release).

        Exit codes: 0 done (row errors included), 1 release, MAC, schema or HML file unreadable, 2 bad arguments,
                    3 (match) a typing cannot be interpreted, (hml) the document is malformed.

        """;

    public const string Reduce = """
        hla reduce --release <folder> --to G|P|lg|lgx|S [--mac <file>]

        Reads one typing per line on stdin and writes, per line, "typing<TAB>result" or "typing<TAB>ERROR<TAB>reason".
        A line is a typing in any form (A*02:01, A*02:01:01:01, C*04:09N, A*0201, A*01:01/A*01:02, A*01:01:01G, A*01:01P,
        A*01:XX, A*01:AB, A2) or a GL String (each typing between ^ | + ~ is reduced, the delimiters kept). Blank lines are skipped.

          --release <folder>  IMGT/HLA release folder with the WMDA files (e.g. ../shared/data/imgt/3.58.0)
          --to <target>       G: G group; P: P group; lg: two-field P-group level with g (nulls kept);
                              lgx: two-field P-group level; S: serological antigen(s)
          --mac <file>        NMDP multiple-allele code table (numer.v3.txt layout); without it MACs are errors

        Exit code 0 even when lines have errors; 1 when the release or MAC file cannot be read; 2 for bad arguments.

        """;

    public const string Match = """
        hla match --release <folder> --patient <GL String> --donor <GL String> [--criteria 10/10] [--format text|tsv] [--mac <file>]

        Scores one donor against one patient with the search rules (P-group matching, better of direct and crossed pairing,
        null alleles, grades and confidences per position, DPB1 TCE category) and prints the per-locus detail, the total over
        the counted loci and whether a search with the criteria would include the donor.

          --release <folder>  IMGT/HLA release folder with the WMDA files
          --patient <text>    the patient's GL String, e.g. A*02:07+A*11:01^B*46:01+B*40:01^DRB1*09:01+DRB1*15:01
          --donor <text>      the donor's GL String
          --criteria <c>      10/10 (default), 9/10, 8/10, 8/8 or 6/6
          --format <f>        text (default): an aligned table; tsv: one tab-separated record per line, first field its type
                              (release, criteria, locus ×6, dpb1, total, included), for scripts
          --mac <file>        NMDP multiple-allele code table

        Exit code 0 when scored; 1 release unreadable; 2 bad arguments; 3 a typing cannot be interpreted.

        """;

    public const string Hml = """
        hla hml --file <HML file> [--release <folder>] [--schema <xsd>] [--mac <file>]

        Reads an HML 1.0 / 1.0.1 file the way the HSC service does (safely: no DTD, no external entities) and lists its typings,
        one tab-separated line per sample and locus: sample, locus, GL String, method, allele version, date. With --release each
        line ends with OK or ERROR<TAB>reason: whether that release can interpret the GL String.

          --file <path>       the HML document
          --release <folder>  IMGT/HLA release folder to check the GL Strings against (optional)
          --schema <xsd>      also validate against the NMDP HML schema (e.g. ../shared/data/hml/hml-1.0.2.xsd)
          --mac <file>        NMDP multiple-allele code table (with --release)

        Exit code 0 when listed (ERROR lines included); 1 a file cannot be read; 2 bad arguments; 3 the document is malformed
        (stderr names the element, attribute or value and its line).

        """;
}
