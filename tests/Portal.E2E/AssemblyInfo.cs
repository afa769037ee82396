using Xunit;

// One browser driving one system (AppHostSystem, shared by every class): the journeys' people and their records meet in one
// sequence, and on a two-core machine parallel browsers would only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
