using System;
using System.Linq;
using System.Collections.Concurrent;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Graph.Connection;
using ComplianceTools.Tests.Graph.Fake;

namespace ComplianceTools.Tests.Graph
{
    /// <summary>Engine unit tests: the credential built for each sign-in, endpoints, token claims, due dates.</summary>
    public sealed class GraphEngineTests
    {
        private static X509Certificate2 SelfSigned()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=ComplianceTools app", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        }

        private static SecureString Secure(string value)
        {
            var s = new SecureString();
            foreach (char c in value)
            {
                s.AppendChar(c);
            }

            return s;
        }

        [Fact]
        public void Each_sign_in_mode_builds_its_azure_identity_credential()
        {
            using X509Certificate2 cert = SelfSigned();
            var prompts = new BlockingCollection<string>();
            Assert.IsType<ClientCertificateCredential>(Credentials.Build(new GraphConnectOptions { TenantId = "t", ClientId = "c", Certificate = cert }, prompts, out GraphAuthMode mode));
            Assert.Equal(GraphAuthMode.Certificate, mode);
            Assert.IsType<ClientSecretCredential>(Credentials.Build(new GraphConnectOptions { TenantId = "t", ClientId = "c", ClientSecret = Secure("x") }, prompts, out mode));
            Assert.Equal(GraphAuthMode.ClientSecret, mode);
            Assert.IsType<ManagedIdentityCredential>(Credentials.Build(new GraphConnectOptions { ManagedIdentity = true, ClientId = "c" }, prompts, out mode));
            Assert.Equal(GraphAuthMode.ManagedIdentity, mode);
            Assert.IsType<DeviceCodeCredential>(Credentials.Build(new GraphConnectOptions { DeviceCode = true, Environment = GraphEnvironment.China }, prompts, out mode));
            Assert.Equal(GraphAuthMode.DeviceCode, mode);
        }

        [Fact]
        public void A_password_protected_pfx_is_read_with_its_password()
        {
            using X509Certificate2 cert = SelfSigned();
            string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ct-" + Guid.NewGuid().ToString("N") + ".pfx");
            System.IO.File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, "p@ss"));
            try
            {
                Assert.IsType<ClientCertificateCredential>(Credentials.Build(new GraphConnectOptions { TenantId = "t", ClientId = "c", CertificatePath = path, CertificatePassword = Secure("p@ss") }, new BlockingCollection<string>(), out GraphAuthMode mode));
                Assert.Equal(GraphAuthMode.CertificateFile, mode);
                var wrong = Assert.Throws<ComplianceException>(() => Credentials.Build(new GraphConnectOptions { TenantId = "t", ClientId = "c", CertificatePath = path, CertificatePassword = Secure("wrong") }, new BlockingCollection<string>(), out _));
                Assert.Equal("ComplianceTools.Graph.CertificateUnreadable", wrong.ErrorId);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [Theory]
        [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/")]
        [InlineData("https://proxy.contoso.cn/graph/", "https://proxy.contoso.cn/graph")]
        [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
        public void The_endpoint_is_the_service_root_without_the_version(string given, string expected)
        {
            Assert.Equal(expected, GraphEndpoints.Resolve(GraphEnvironment.Global, new Uri(given)).ToString());
        }

        [Fact]
        public void Each_cloud_has_its_own_graph_and_login_host_and_scope()
        {
            Assert.Equal("https://graph.microsoft.com/.default", GraphEndpoints.DefaultScope(GraphEnvironment.Global));
            Assert.Equal("https://microsoftgraph.chinacloudapi.cn/.default", GraphEndpoints.DefaultScope(GraphEnvironment.China));
            Assert.Equal("login.chinacloudapi.cn", GraphClouds.LoginAuthority(GraphEnvironment.China).Host);
            Assert.Equal("login.microsoftonline.com", GraphClouds.LoginAuthority(GraphEnvironment.Global).Host);
        }

        [Fact]
        public void Token_claims_give_tenant_and_roles_and_an_opaque_token_gives_none()
        {
            TokenClaims claims = TokenClaims.Read(FakeGraph.MakeToken("tenant-1", "User.Read.All", "Tasks.ReadWrite.All"));
            Assert.Equal("tenant-1", claims.TenantId);
            Assert.Equal(new[] { "User.Read.All", "Tasks.ReadWrite.All" }, claims.Permissions);
            Assert.Null(TokenClaims.Read("opaque-token"));
        }

        [Fact]
        public void Missing_permissions_are_named_per_cmdlet_and_broader_ones_satisfy()
        {
            var missing = GraphPermissions.Missing(new[] { "Directory.Read.All", "Sites.Selected" });
            Assert.Contains(missing, m => m.Key == "Publish-ComplianceTask" && m.Value == "Tasks.ReadWrite.All");
            Assert.DoesNotContain(missing, m => m.Key == "Import-ComplianceDirectory");
            Assert.DoesNotContain(missing, m => m.Key == "Copy-ComplianceDocument");
        }

        [Fact]
        public void An_app_holding_group_readwrite_all_is_told_it_still_needs_tasks_readwrite_all_but_a_signed_in_user_is_not()
        {
            // Microsoft's Planner pages: Application "Tasks.ReadWrite.All | Not available"; Delegated "Tasks.ReadWrite | Group.ReadWrite.All".
            var app = GraphPermissions.Missing(new[] { "Group.ReadWrite.All", "User.Read.All" }, GraphPermissionKind.Application).ToList();
            Assert.Contains(app, m => m.Key == "Publish-ComplianceTask" && m.Value == "Tasks.ReadWrite.All");
            var user = GraphPermissions.Missing(new[] { "Group.ReadWrite.All", "User.ReadBasic.All" }, GraphPermissionKind.Delegated).ToList();
            Assert.DoesNotContain(user, m => m.Key == "Publish-ComplianceTask");
            Assert.DoesNotContain(user, m => m.Key == "Publish-ComplianceTask (owners)");
            // User.ReadBasic.All is a delegated permission only: an app needs User.Read.All to resolve owners.
            Assert.Contains(GraphPermissions.Missing(new[] { "Tasks.ReadWrite.All", "User.ReadBasic.All" }, GraphPermissionKind.Application), m => m.Key == "Publish-ComplianceTask (owners)" && m.Value == "User.Read.All");
        }

        [Fact]
        public void Files_permissions_alone_do_not_satisfy_copy_compliance_document_whose_first_call_is_the_site_lookup()
        {
            Assert.Contains(GraphPermissions.Missing(new[] { "Files.Read.All" }, GraphPermissionKind.Application), m => m.Key == "Copy-ComplianceDocument");
            Assert.DoesNotContain(GraphPermissions.Missing(new[] { "Sites.Selected" }, GraphPermissionKind.Application), m => m.Key == "Copy-ComplianceDocument");
        }

        [Fact]
        public void A_delegated_token_is_read_as_delegated_and_an_app_token_as_application()
        {
            Assert.Equal(GraphPermissionKind.Delegated, TokenClaims.Read(FakeGraph.MakeDelegatedToken("t", "Tasks.ReadWrite")).Kind);
            Assert.Equal(GraphPermissionKind.Application, TokenClaims.Read(FakeGraph.MakeToken("t", "Tasks.ReadWrite.All")).Kind);
        }

        [Fact]
        public void Due_dates_without_an_offset_are_china_standard_time_and_offsets_are_kept()
        {
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)), DueDates.Normalize("2026-03-31"));
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 18, 0, 0, TimeSpan.FromHours(2)), DueDates.Normalize("2026-03-31T18:00:00+02:00"));
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero), DueDates.Normalize(new DateTime(2026, 3, 31, 10, 0, 0, DateTimeKind.Utc)));
            Assert.Equal(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.FromHours(8)), DueDates.Normalize(new DateTime(2026, 3, 31, 9, 0, 0, DateTimeKind.Local)));
            Assert.Null(DueDates.Normalize(" "));
            Assert.Throws<FormatException>(() => DueDates.Normalize("下周五"));
        }
    }
}
