using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ComplianceTools.Core.Publishing;

namespace ComplianceTools.Graph.Connection
{
    /// <summary>
    /// The claims of a JWT access token read without validating it (Graph validates it): tenant, account,
    /// expiry and the permissions granted (roles for app-only, scp for delegated). Null when opaque.
    /// </summary>
    internal sealed class TokenClaims
    {
        private TokenClaims()
        {
        }

        internal string TenantId { get; private set; }

        internal string ClientId { get; private set; }

        internal string Account { get; private set; }

        internal IReadOnlyList<string> Permissions { get; private set; }

        internal DateTimeOffset? ExpiresOn { get; private set; }

        /// <summary>Application (roles: app-only) or Delegated (scp: a signed-in user); Unknown when the token names neither.</summary>
        internal GraphPermissionKind Kind { get; private set; }

        internal static TokenClaims Read(string token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            string[] parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }

            try
            {
                string payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
                using (JsonDocument doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))))
                {
                    JsonElement root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        return null;
                    }

                    var claims = new TokenClaims
                    {
                        TenantId = Str(root, "tid"),
                        ClientId = Str(root, "appid") ?? Str(root, "azp"),
                        Account = Str(root, "upn") ?? Str(root, "preferred_username") ?? Str(root, "app_displayname"),
                    };
                    if (root.TryGetProperty("exp", out JsonElement exp) && exp.ValueKind == JsonValueKind.Number)
                    {
                        claims.ExpiresOn = DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64());
                    }

                    var permissions = new List<string>();
                    bool any = false;
                    if (root.TryGetProperty("roles", out JsonElement roles) && roles.ValueKind == JsonValueKind.Array)
                    {
                        any = true;
                        foreach (JsonElement role in roles.EnumerateArray())
                        {
                            permissions.Add(role.GetString());
                        }
                    }

                    string scp = Str(root, "scp");
                    claims.Kind = any ? GraphPermissionKind.Application : (scp != null ? GraphPermissionKind.Delegated : GraphPermissionKind.Unknown);
                    if (scp != null)
                    {
                        any = true;
                        permissions.AddRange(scp.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
                    }

                    claims.Permissions = any ? permissions : null;
                    return claims;
                }
            }
            catch (FormatException)
            {
                return null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string Str(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
