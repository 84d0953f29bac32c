using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security;
using ComplianceTools.Core.Common;
using ComplianceTools.Core.Planning;
using ComplianceTools.Core.Publishing;
using ComplianceTools.Core.Resources;
using ComplianceTools.Core.Workspace;
using ComplianceTools.Engine.Workspace;

namespace ComplianceTools.Commands.Workspace
{
    /// <summary>
    /// Publishing a client's plan after its job, on the pipeline thread, with Publish-ComplianceTask's publishers (Planner and
    /// SharePoint list in ComplianceTools.Graph, WeCom and DingTalk in ComplianceTools.Workplace, each loaded on first use).
    /// The connection is the client's own, made from its file's settings with the secret read from where the file says (an
    /// environment variable, or a Clixml file written with Export-Clixml), kept under a key of its own and dropped afterwards,
    /// so the session's own connections are neither used nor changed.
    /// </summary>
    public sealed partial class InvokeComplianceRunCommand
    {
        /// <summary>Publishes the client's items; returns the summary for its portfolio line ("WeCom: 12 created, 3 unchanged").</summary>
        private string PublishClient(ClientRunResult result)
        {
            ClientDefinition client = result.Client;
            PublishSettings settings = client.Publish;
            Guid key = Guid.NewGuid();
            var counts = new Dictionary<PublishAction, int>();
            try
            {
                ITaskPublisher publisher = Connect(settings, key, result);
                foreach (PlanItem item in result.ToPublish)
                {
                    PublishOutcome outcome;
                    try
                    {
                        outcome = publisher.Publish(item, ShouldProcess);
                    }
                    catch (ComplianceException ex)
                    {
                        // A refused secret, a missing permission: the whole client stops here, once.
                        WriteProblem(ClientJob.ForClient(ex.Problem, client.Name));
                        counts[PublishAction.Failed] = result.ToPublish.Count - counts.Values.Sum();
                        break;
                    }

                    if (outcome.Problem != null)
                    {
                        WriteProblem(ClientJob.ForClient(outcome.Problem, client.Name));
                    }

                    if (outcome.Result != null)
                    {
                        counts.TryGetValue(outcome.Result.Action, out int n);
                        counts[outcome.Result.Action] = n + 1;
                    }
                }

                if (publisher is INotifyingPublisher notifying)
                {
                    foreach (string failure in notifying.SendNotices())
                    {
                        WriteWarning(Text.Format(nameof(Strings.WorkspaceClientPrefix), client.Name) + failure);
                    }
                }
            }
            catch (ComplianceException ex)
            {
                WriteProblem(ClientJob.ForClient(ex.Problem, client.Name));
                return Text.Format(nameof(Strings.RunPublishFailed), settings.Target);
            }
            finally
            {
                Disconnect(settings.Target, key);
            }

            string[] names = Text.Get(nameof(Strings.RunPublishActions)).Split('|');
            return settings.Target + ": " + string.Join(", ", counts.OrderBy(c => (int)c.Key).Select(c => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + names[(int)c.Key]));
        }

        private ITaskPublisher Connect(PublishSettings s, Guid key, ClientRunResult result)
        {
            switch (s.Target)
            {
                case PublishTarget.WeCom:
                case PublishTarget.DingTalk:
                    return WorkplacePublisher(s, key, result);
                default:
                    return GraphPublisher(s, key);
            }
        }

        // One method per library, never inlined: publishing to WeCom never loads the Graph SDK and the other way round.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private ITaskPublisher WorkplacePublisher(PublishSettings s, Guid key, ClientRunResult result)
        {
            if (s.Target == PublishTarget.WeCom)
            {
                Directory.CreateDirectory(s.StateFolder);
            }

            var options = new ComplianceTools.Workplace.Connection.WorkplaceConnectOptions
            {
                Platform = s.Target == PublishTarget.WeCom ? WorkplacePlatform.WeCom : WorkplacePlatform.DingTalk,
                CorpId = s.CorpId,
                AppKey = s.AppKey,
                AgentId = s.AgentId,
                Secret = Secret(s.Secret, result.Client, "secret"),
                Endpoint = s.Endpoint,
                StateFolder = s.Target == PublishTarget.WeCom ? s.StateFolder : null,
            };
            var connection = ComplianceTools.Workplace.Connection.WorkplaceConnection.Connect(key, options, WriteVerbose, _stop.Token);
            var contacts = new ComplianceTools.Workplace.Owners.ContactBook(result.Owners, result.Staff);
            return s.Target == PublishTarget.WeCom
                ? (ITaskPublisher)new ComplianceTools.Workplace.WeCom.WeComPublisher(connection, s.CalendarName, s.CalendarId, contacts, WriteVerbose, WriteWarning, _stop.Token)
                : new ComplianceTools.Workplace.DingTalk.DingTalkPublisher(connection, s.Operator, contacts, WriteVerbose, _stop.Token);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private ITaskPublisher GraphPublisher(PublishSettings s, Guid key)
        {
            var options = new ComplianceTools.Graph.Connection.GraphConnectOptions
            {
                Environment = s.Environment,
                GraphEndpoint = s.GraphEndpoint,
                TenantId = s.TenantId,
                ClientId = s.ClientId,
                CertificateThumbprint = s.CertificateThumbprint,
                CertificatePath = s.CertificatePath,
                CertificatePassword = s.CertificatePassword == null ? null : Secret(s.CertificatePassword, null, "certificatePassword"),
                ClientSecret = s.Secret == null ? null : Secret(s.Secret, null, "secret"),
                ManagedIdentity = s.ManagedIdentity,
                AccessToken = s.AccessToken == null ? null : Secret(s.AccessToken, null, "accessToken"),
            };
            var connection = ComplianceTools.Graph.Connection.GraphConnection.Connect(key, options, WriteWarning, _stop.Token);
            return s.Target == PublishTarget.Planner
                ? (ITaskPublisher)new ComplianceTools.Graph.Planner.PlannerPublisher(connection, s.PlanId, s.BucketName, WriteVerbose, _stop.Token)
                : new ComplianceTools.Graph.Lists.ListPublisher(connection, s.SiteUrl, s.ListName, WriteVerbose, _stop.Token);
        }

        private static void Disconnect(PublishTarget target, Guid key)
        {
            if (target == PublishTarget.WeCom || target == PublishTarget.DingTalk)
            {
                DisconnectWorkplace(key);
            }
            else
            {
                DisconnectGraph(key);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void DisconnectWorkplace(Guid key) => ComplianceTools.Workplace.Connection.WorkplaceConnection.Remove(key, null);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void DisconnectGraph(Guid key) => ComplianceTools.Graph.Connection.GraphConnection.Remove(key);

        /// <summary>
        /// The secret a reference names: the environment variable's value, or the SecureString of a Clixml file (Export-Clixml,
        /// DPAPI-protected on Windows). Never written anywhere; a missing one is an error naming where it was looked for.
        /// </summary>
        private static SecureString Secret(SecretReference reference, ClientDefinition client, string setting)
        {
            if (reference.EnvironmentVariable != null)
            {
                string value = Environment.GetEnvironmentVariable(reference.EnvironmentVariable);
                if (string.IsNullOrEmpty(value))
                {
                    throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.SecretNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.RunSecretVariableMissing), reference.EnvironmentVariable, setting), reference.EnvironmentVariable));
                }

                return Secure(value);
            }

            if (!File.Exists(reference.Clixml))
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.SecretNotFound", ProblemKind.ObjectNotFound, Text.Format(nameof(Strings.RunSecretFileMissing), reference.Clixml, setting), reference.Clixml));
            }

            object read;
            try
            {
                read = PSSerializer.Deserialize(File.ReadAllText(reference.Clixml));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Xml.XmlException || ex is PSInvalidOperationException || ex is System.Security.Cryptography.CryptographicException)
            {
                throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.SecretUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.RunSecretFileUnreadable), reference.Clixml, ex.GetType().Name), reference.Clixml));
            }

            object value2 = read is PSObject ps ? ps.BaseObject : read;
            if (value2 is SecureString secure && secure.Length > 0)
            {
                return secure;
            }

            throw new ComplianceException(new ComplianceProblem("ComplianceTools.Workspace.SecretUnreadable", ProblemKind.ReadError, Text.Format(nameof(Strings.RunSecretFileUnreadable), reference.Clixml, value2?.GetType().Name ?? "null"), reference.Clixml));
        }

        private static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (char c in value)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
