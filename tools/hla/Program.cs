using System.Text;
using DonationRegistry.Hla.Tool;

// stdin/stdout as buffered UTF-8 streams: bulk runs write one line per typing, and Console's autoflush would cost a syscall each.
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), false, 1 << 16);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
var code = HlaCli.Run(args, stdin, stdout, Console.Error);
stdout.Flush();
return code;
