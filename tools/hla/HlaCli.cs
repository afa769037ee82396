using DonationRegistry.Hla.Hml;

namespace DonationRegistry.Hla.Tool;

/// <summary>
/// The <c>hla</c> command line: parses the command and its options, loads the release, runs the command. Testable in-process:
/// no Console, no Environment.Exit; the exit code is returned.
/// </summary>
public static class HlaCli
{
    /// <summary>Done (a bulk reduce with row errors is still done).</summary>
    public const int Ok = 0;

    /// <summary>The release folder or MAC file cannot be read.</summary>
    public const int Unreadable = 1;

    /// <summary>Bad arguments (unknown command or option, missing or bad value).</summary>
    public const int BadArguments = 2;

    /// <summary><c>hla match</c>: the patient or donor typing cannot be interpreted; <c>hla hml</c>: the document is malformed.</summary>
    public const int BadTyping = 3;

    /// <summary>Runs one command line.</summary>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdin, stdout, stderr, LoadRelease);

    internal static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, ReleaseLoader load)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(load);
        if (args.Count == 0)
        {
            stderr.Write(Usage.Main);
            return BadArguments;
        }
        var command = args[0];
        try
        {
            switch (command)
            {
                case "--help" or "-h" or "help":
                    stdout.Write(Usage.Main);
                    return Ok;
                case "reduce":
                    return Reduce(CommandLine.Parse(args.Skip(1), ReduceCommand.Options), stdin, stdout, stderr, load);
                case "match":
                    return Match(CommandLine.Parse(args.Skip(1), MatchCommand.Options), stdout, stderr, load);
                case "hml":
                    return Hml(CommandLine.Parse(args.Skip(1), HmlCommand.Options), stdout, stderr, load);
                default:
                    throw new UsageException($"unknown command '{command}' (commands: reduce, match, hml)");
            }
        }
        catch (UsageException error)
        {
            stderr.WriteLine($"hla: {error.Message}. See 'hla {(command is "reduce" or "match" or "hml" ? command + " " : "")}--help'.");
            return BadArguments;
        }
    }

    private static int Reduce(CommandLine options, TextReader stdin, TextWriter stdout, TextWriter stderr, ReleaseLoader load)
    {
        if (options.Help)
        {
            stdout.Write(Usage.Reduce);
            return Ok;
        }
        var target = ReduceCommand.ParseTarget(options.Required("to"));
        var nomenclature = TryLoad(options, stderr, load);
        if (nomenclature is null) return Unreadable;
        new ReduceCommand(nomenclature, target).Run(stdin, stdout);
        return Ok;
    }

    private static int Match(CommandLine options, TextWriter stdout, TextWriter stderr, ReleaseLoader load)
    {
        if (options.Help)
        {
            stdout.Write(Usage.Match);
            return Ok;
        }
        var criteria = MatchCommand.ParseCriteria(options.Optional("criteria"));
        var tsv = MatchCommand.ParseTsv(options.Optional("format"));
        var patientText = options.Required("patient");
        var donorText = options.Required("donor");
        var nomenclature = TryLoad(options, stderr, load);
        if (nomenclature is null) return Unreadable;
        Genotype patient, donor;
        try
        {
            (patient, donor) = MatchCommand.ParseBoth(nomenclature, patientText, donorText);
        }
        catch (HlaTypingException error)
        {
            stderr.WriteLine($"hla: {error.Reason}: '{error.Token}'{(error.Replacement is null ? "" : $" (now {error.Replacement})")}");
            return BadTyping;
        }
        MatchCommand.Write(nomenclature, patient, donor, criteria, tsv, stdout);
        return Ok;
    }

    private static int Hml(CommandLine options, TextWriter stdout, TextWriter stderr, ReleaseLoader load)
    {
        if (options.Help)
        {
            stdout.Write(Usage.Hml);
            return Ok;
        }
        var file = options.Required("file");
        var schemaFile = options.Optional("schema");
        if (options.Optional("mac") is not null && options.Optional("release") is null)
        {
            throw new UsageException("option '--mac' needs '--release'");
        }
        HmlSchema? schema = null;
        if (schemaFile is not null)
        {
            try
            {
                schema = HmlSchema.Load(schemaFile);
            }
            catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"hla: cannot read the schema '{schemaFile}': {error.Message}");
                return Unreadable;
            }
        }
        HlaNomenclature? nomenclature = null;
        if (options.Optional("release") is not null)
        {
            nomenclature = TryLoad(options, stderr, load);
            if (nomenclature is null) return Unreadable;
        }
        HmlDocument document;
        try
        {
            using var stream = File.OpenRead(file);
            document = HmlReader.Read(stream, new HmlReaderOptions { Schema = schema });
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"hla: cannot read '{file}': {error.Message}");
            return Unreadable;
        }
        catch (HlaTypingException error)
        {
            stderr.WriteLine($"hla: {file}: {error.Message}");
            return BadTyping;
        }
        HmlCommand.Write(document, nomenclature, stdout);
        return Ok;
    }

    private static HlaNomenclature? TryLoad(CommandLine options, TextWriter stderr, ReleaseLoader load)
    {
        var folder = options.Required("release");
        var mac = options.Optional("mac");
        try
        {
            var nomenclature = load(folder, mac);
            if (mac is not null && nomenclature.Macs.Count == 0)
            {
                stderr.WriteLine($"hla: warning: the MAC file '{mac}' holds no codes (expected NMDP's numer.v3.txt layout: CODE<TAB>EXPANSION per line)");
            }
            return nomenclature;
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"hla: cannot read the release '{folder}'{(mac is null ? "" : $" or the MAC file '{mac}'")}: {error.Message}");
            return null;
        }
    }

    /// <summary>The real loader: the WMDA files of <paramref name="releaseFolder"/> and, when given, the MAC table file.</summary>
    internal static HlaNomenclature LoadRelease(string releaseFolder, string? macFile)
    {
        if (!Directory.Exists(releaseFolder))
        {
            throw new DirectoryNotFoundException($"no such folder '{releaseFolder}'");
        }
        var macs = macFile is null ? null : MacTable.Load(macFile);
        return HlaNomenclature.LoadFolder(releaseFolder, macs);
    }
}
