namespace DonationRegistry.Hosting;

/// <summary>Any program run as a child process (healthy while it runs), like Aspire's <c>AddExecutable</c>.</summary>
public sealed class ExecutableResource : ProcessResource
{
    private readonly string[] _arguments;

    internal ExecutableResource(string name, string command, string workingDirectory, string[] arguments) : base(name)
    {
        Command = command;
        WorkingDirectory = workingDirectory;
        _arguments = arguments;
    }

    public override string Type => "Executable";

    public override string Command { get; }

    public override IReadOnlyList<string> Arguments => _arguments;

    public override string WorkingDirectory { get; }
}
