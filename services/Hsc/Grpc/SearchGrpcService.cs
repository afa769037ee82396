using DonationRegistry.Common;
using DonationRegistry.Hla;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>The Search API: thin translation to <see cref="SearchCommands"/> and <see cref="HlaTools"/>.</summary>
public sealed class SearchGrpcService(SearchCommands searches, HlaTools tools) : V1.Search.SearchBase
{
    public override async Task<SearchSummary> SubmitSearch(SubmitSearchRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.Search);
        var search = await searches.SubmitAsync(caller, SearchMapping.ToInput(request), context.CancellationToken);
        return SearchMapping.ToSummary(search);
    }

    public override async Task<SearchResultsPage> GetSearchResults(GetSearchResultsRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadSearches);
        var (search, page, next) = await searches.ResultsAsync(caller, ResourceNames.ParseSearch(request.Name),
            PageTokens.Size(request.PageSize), request.PageToken, context.CancellationToken);
        return new SearchResultsPage
        {
            Search = SearchMapping.ToSummary(search),
            Matches = { page.Select(SearchMapping.ToMessage) },
            NextPageToken = next is { } n ? PageTokens.Encode(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "",
        };
    }

    public override async Task<ListSearchesResponse> ListSearches(ListSearchesRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadSearches);
        var (page, next) = await searches.ListAsync(caller, request.PatientReference, PageTokens.Size(request.PageSize), request.PageToken,
            context.CancellationToken);
        return new ListSearchesResponse { Searches = { page.Select(SearchMapping.ToSummary) }, NextPageToken = next ?? "" };
    }

    public override Task<ReduceTypingResponse> ReduceTyping(ReduceTypingRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.UseHlaTools);
        var (result, position, pGroups, release) = tools.Reduce(caller, request.Typing, SearchMapping.ToDomain(request.Target));
        return Task.FromResult(new ReduceTypingResponse
        {
            Result = result,
            Form = position.Form.ToString(),
            CandidateAlleleCount = position.Alleles.Length,
            PGroups = { pGroups },
            IsNull = position.IsNull,
            Release = release,
        });
    }

    public override Task<ExplainMatchResponse> ExplainMatch(ExplainMatchRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.UseHlaTools);
        var (match, release) = tools.Explain(caller, request.PatientTyping, request.DonorTyping);
        return Task.FromResult(new ExplainMatchResponse
        {
            Loci = { match.Loci.Select(l => SearchMapping.ToMessage(StoredLocus.From(l))) },
            MismatchCount = match.MismatchCount,
            Dpb1 = SearchMapping.ToMessage(match.Dpb1),
            Release = release,
        });
    }

    public override Task<HlaRelease> GetHlaRelease(GetHlaReleaseRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.UseHlaTools);
        return Task.FromResult(ToMessage(tools.Release(caller)));
    }

    public override Task<HlaRelease> ReloadHlaRelease(ReloadHlaReleaseRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReloadRelease);
        return Task.FromResult(ToMessage(tools.Reload(caller, request.Version)));
    }

    private static HlaRelease ToMessage(Searching.HlaEngine engine)
    {
        var current = engine.IsLoaded ? engine.Current : null;
        return new HlaRelease
        {
            Version = current?.Release ?? "",
            LoadedAt = current is null ? null : Timestamp.FromDateTimeOffset(current.LoadedAt),
            IndexedDonors = current?.Index.Count ?? 0,
            ReloadState = engine.ReloadState,
            LoadableVersions = { engine.LoadableVersions() },
        };
    }

    private static Caller Require(ServerCallContext context, Operation operation)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, operation);
        return caller;
    }
}
