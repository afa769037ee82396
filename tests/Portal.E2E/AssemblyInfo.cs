using Xunit;

// One system at a time: the in-process one (PortalSystem) and the one the AppHost's resource code starts (AppHostSystem) each run
// PostgreSQL, RabbitMQ, the services and a browser; on a two-core machine side by side they would only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
