using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceTools.Tests.Infrastructure
{
    /// <summary>
    /// The HTTP plumbing of the fake services (Microsoft Graph, WeCom, DingTalk): Kestrel on 127.0.0.1 at a random
    /// port, one request handler, stopped by Dispose or by itself after five minutes so a hung test cannot keep it.
    /// </summary>
    public sealed class FakeHttpServer : IDisposable
    {
        private readonly WebApplication _app;
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        public FakeHttpServer(Func<HttpContext, Task> handler)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.Run(ctx => handler(ctx));
            _app.StartAsync().GetAwaiter().GetResult();
            string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses.First();
            Endpoint = new Uri(address.Replace("[::1]", "127.0.0.1"));
            _lifetime.Token.Register(() => _app.StopAsync());
        }

        /// <summary>http://127.0.0.1:port/</summary>
        public Uri Endpoint { get; }

        public void Dispose()
        {
            _lifetime.Dispose();
            _app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)_app).Dispose();
        }
    }
}
