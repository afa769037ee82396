namespace DonationRegistry.Hla.Tool;

/// <summary>Loads the nomenclature a command works with: an IMGT/HLA release folder and an optional NMDP MAC table file.</summary>
/// <param name="releaseFolder">The folder of WMDA files.</param>
/// <param name="macFile">The MAC table file, or null.</param>
internal delegate HlaNomenclature ReleaseLoader(string releaseFolder, string? macFile);
