using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ComplianceTools.Tests.Graph.Fake;
using ComplianceTools.Tests.Infrastructure;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>Connect-ComplianceGraph / Disconnect-ComplianceGraph through a real runspace, against the fake Graph.</summary>
    public sealed class ConnectComplianceGraphTests : GraphTestBase
    {
        [Fact]
        public void A_token_connection_reports_tenant_endpoint_mode_and_the_permissions_granted_without_warnings()
        {
            var r = Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1]", Secure(Fake.Token), new Uri(Fake.Endpoint, "v1.0"));
            var info = r.Single();
            Assert.Equal("11111111-2222-3333-4444-555555555555", info.Text("TenantId"));
            Assert.Equal("Global", info.Text("Environment"));
            Assert.Equal(Fake.Endpoint.ToString().TrimEnd('/'), info.Text("GraphEndpoint").TrimEnd('/'));
            Assert.Equal("AccessToken", info.Text("AuthMode"));
            Assert.Contains("Tasks.ReadWrite.All", (System.Collections.IEnumerable)info.Prop("Permissions") as System.Collections.Generic.IEnumerable<string>);
            Assert.Empty(r.Warnings);
        }

        [Fact]
        public void A_token_without_tasks_permission_warns_that_publish_will_fail_and_names_the_permission()
        {
            string token = FakeGraph.MakeToken("t1", "User.Read.All", "GroupMember.Read.All", "Sites.Read.All", "Sites.Manage.All");
            var r = Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1]", Secure(token), Fake.Endpoint);
            r.ThrowOnError();
            string warning = Assert.Single(r.Warnings);
            Assert.Contains("Publish-ComplianceTask", warning);
            Assert.Contains("Tasks.ReadWrite.All", warning);
        }

        [Theory]
        [InlineData("http://graph.contoso.cn")]
        [InlineData("http://10.0.0.5:8080")]
        public void Plain_http_to_any_host_but_loopback_is_refused_at_connect_time(string endpoint)
        {
            var r = Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1]", Secure(Fake.Token), new Uri(endpoint));
            var error = Assert.Single(r.AllErrors);
            Assert.Equal("ComplianceTools.Graph.InsecureEndpoint,ComplianceTools.Commands.Graph.ConnectComplianceGraphCommand", error.FullyQualifiedErrorId);
            Assert.Contains("https", error.Exception.Message);
        }

        [Theory]
        [InlineData("http://localhost:5000")]
        [InlineData("http://[::1]:5000")]
        [InlineData("https://graph.proxy.contoso.cn")]
        public void Https_anywhere_and_plain_http_on_loopback_are_accepted(string endpoint)
        {
            var info = Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1]", Secure(Fake.Token), new Uri(endpoint)).Single();
            Assert.Equal(new Uri(endpoint).Host, ((Uri)info.Prop("GraphEndpoint")).Host);
        }

        [Fact]
        public void A_signed_in_user_with_tasks_readwrite_gets_no_planner_warning_but_an_app_with_group_readwrite_all_does()
        {
            var user = Connect(FakeGraph.MakeDelegatedToken("t1", "User.Read.All", "GroupMember.Read.All", "Sites.Read.All", "Sites.Manage.All", "Tasks.ReadWrite"));
            Assert.Equal("Delegated", user.Text("PermissionKind"));
            var app = Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -GraphEndpoint $args[1]", Secure(FakeGraph.MakeToken("t1", "User.Read.All", "GroupMember.Read.All", "Sites.Read.All", "Sites.Manage.All", "Group.ReadWrite.All")), Fake.Endpoint);
            string warning = Assert.Single(app.Warnings);
            Assert.Contains("Publish-ComplianceTask", warning);
            Assert.Contains("Tasks.ReadWrite.All", warning);
        }

        [Fact]
        public void China_without_an_endpoint_uses_the_21Vianet_graph_host()
        {
            var info = Ps.Run("Connect-ComplianceGraph -AccessToken $args[0] -Environment China", Secure(Fake.Token)).Single();
            Assert.Equal("China", info.Text("Environment"));
            Assert.Equal("https://microsoftgraph.chinacloudapi.cn/", info.Text("GraphEndpoint"));
        }

        [Fact]
        public void After_disconnect_a_graph_cmdlet_says_to_connect_first()
        {
            Connect();
            Ps.Run("Disconnect-ComplianceGraph").ThrowOnError();
            var error = Assert.Single(Ps.Run("Import-ComplianceDirectory").AllErrors);
            Assert.Equal("ComplianceTools.Graph.NotConnected,ComplianceTools.Commands.Graph.ImportComplianceDirectoryCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-ComplianceGraph", error.Exception.Message);
        }

        [Fact]
        public void A_wrong_token_is_sent_to_the_custom_endpoint_and_refused_with_a_clear_authentication_error()
        {
            Fake.AddUser("张三", "zhangsan@contoso.cn");
            Connect(FakeGraph.MakeToken("t1", "User.Read.All"));
            var error = Assert.Single(Ps.Run("Import-ComplianceDirectory").AllErrors);
            Assert.Equal("ComplianceTools.Graph.AuthenticationFailed,ComplianceTools.Commands.Graph.ImportComplianceDirectoryCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("InvalidAuthenticationToken", error.Exception.Message);
            // The SDK sends no token to a host outside its list unless told: the fake must have seen one.
            Assert.Equal(0, Fake.Unauthenticated);
        }

        [Fact]
        public void No_token_text_appears_in_any_stream_on_success_or_failure()
        {
            Fake.AddUser("张三", "zhangsan@contoso.cn", "客服部", "E001");
            string wrong = FakeGraph.MakeToken("t1", "User.Read.All");
            var texts = AllStreams("Connect-ComplianceGraph -AccessToken $a[0] -GraphEndpoint $a[1] -Verbose -Debug; Import-ComplianceDirectory -Verbose -Debug; Connect-ComplianceGraph -AccessToken $a[2] -GraphEndpoint $a[1]; Import-ComplianceDirectory -Verbose", Secure(Fake.Token), Fake.Endpoint, Secure(wrong));
            Assert.Contains(texts, t => t.Contains("zhangsan@contoso.cn"));
            Assert.Contains(texts, t => t.Contains("InvalidAuthenticationToken"));
            foreach (string token in new[] { Fake.Token, wrong })
            {
                string signature = token.Split('.')[2];
                Assert.DoesNotContain(texts, t => t.Contains(signature, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void App_only_sign_in_needs_the_tenant()
        {
            var error = Assert.Single(Ps.Run("Connect-ComplianceGraph -ClientId $args[0] -ClientSecret $args[1]", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", Secure("s3cret")).AllErrors);
            Assert.StartsWith("MissingMandatoryParameter", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void An_unknown_thumbprint_is_a_clear_error_naming_the_stores_searched()
        {
            var error = Assert.Single(Ps.Run("Connect-ComplianceGraph -TenantId contoso.partner.onmschina.cn -ClientId $args[0] -CertificateThumbprint $args[1] -Environment China", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", new string('A', 40)).AllErrors);
            Assert.Equal("ComplianceTools.Graph.CertificateNotFound,ComplianceTools.Commands.Graph.ConnectComplianceGraphCommand", error.FullyQualifiedErrorId);
            Assert.Contains("LocalMachine", error.Exception.Message);
        }

        [Fact]
        public void A_certificate_without_its_private_key_is_refused_before_any_sign_in()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=ComplianceTools test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using X509Certificate2 full = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            using var publicOnly = X509CertificateLoader.LoadCertificate(full.Export(X509ContentType.Cert));
            var error = Assert.Single(Ps.Run("Connect-ComplianceGraph -TenantId t -ClientId c -Certificate $args[0]", publicOnly).AllErrors);
            Assert.Equal("ComplianceTools.Graph.CertificateWithoutPrivateKey,ComplianceTools.Commands.Graph.ConnectComplianceGraphCommand", error.FullyQualifiedErrorId);
            Assert.Contains("CN=ComplianceTools test", error.Exception.Message);
        }

        [Fact]
        public void A_file_that_is_not_a_pfx_is_a_read_error_naming_the_file()
        {
            using var tmp = Paths.NewTempFolder();
            string path = tmp.File("app.pfx");
            File.WriteAllText(path, "not a certificate");
            var error = Assert.Single(Ps.Run("Connect-ComplianceGraph -TenantId t -ClientId c -CertificatePath $args[0] -CertificatePassword $args[1]", path, Secure("pw")).AllErrors);
            Assert.Equal("ComplianceTools.Graph.CertificateUnreadable,ComplianceTools.Commands.Graph.ConnectComplianceGraphCommand", error.FullyQualifiedErrorId);
            Assert.Contains("app.pfx", error.Exception.Message);
        }

        [Fact]
        public void A_client_secret_is_accepted_with_a_warning_to_prefer_a_certificate()
        {
            // Signing in needs the real login host; what can be checked here is the warning, which comes first.
            var r = Ps.Run("Connect-ComplianceGraph -TenantId t -ClientId c -ClientSecret $args[0] -WarningAction Stop", Secure("s3cret-value"));
            var error = Assert.Single(r.AllErrors);
            Assert.Contains("CertificateThumbprint", error.Exception.Message);
            Assert.DoesNotContain("s3cret-value", error.Exception.ToString());
        }
    }
}
