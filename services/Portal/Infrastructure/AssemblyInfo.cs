using System.Resources;

// Chinese is the neutral language of the resources; English comes from the satellite assembly.
[assembly: NeutralResourcesLanguage("zh-CN")]
