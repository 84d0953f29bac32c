using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ComplianceTools.Tests.Graph.Fake
{
    public sealed partial class FakeGraph
    {
        private Reply RouteSites(HttpRequest request, string method, string[] seg, string body) => null;
    }
}
