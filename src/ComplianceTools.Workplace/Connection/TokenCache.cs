using System;
using System.Collections.Concurrent;

namespace ComplianceTools.Workplace.Connection
{
    /// <summary>An access token and when it expires.</summary>
    internal readonly struct AccessToken
    {
        internal AccessToken(string token, DateTimeOffset expiresOn)
        {
            Token = token;
            ExpiresOn = expiresOn;
        }

        internal string Token { get; }

        internal DateTimeOffset ExpiresOn { get; }
    }

    /// <summary>
    /// Access tokens per process, keyed by platform, service root, organisation/app and agent: WeCom and DingTalk
    /// both ask callers to cache the token (2 hours) rather than fetch it per call — WeCom blocks gettoken when it
    /// is called too often. A token is fetched again ahead of its expiry (five minutes, or a tenth of its
    /// lifetime when that is shorter), and once more when the service calls it invalid; refreshes of one key are
    /// serialised, so concurrent "invalid token" answers cause one fetch, not a stampede.
    /// </summary>
    internal sealed class TokenCache
    {
        private static readonly TimeSpan s_ahead = TimeSpan.FromMinutes(5);
        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        private readonly Func<DateTimeOffset> _clock;

        internal TokenCache(Func<DateTimeOffset> clock = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The cache of this process.</summary>
        internal static TokenCache Shared { get; } = new TokenCache();

        /// <summary>
        /// The token of <paramref name="key"/>: the cached one while it is good, else a new one from
        /// <paramref name="fetch"/> (token, lifetime). <paramref name="rejected"/> is a token the service just
        /// refused: it is replaced, unless another caller has replaced it already.
        /// </summary>
        internal AccessToken Get(string key, Func<(string Token, TimeSpan Lifetime)> fetch, string rejected = null)
        {
            Entry entry = _entries.GetOrAdd(key, _ => new Entry());
            lock (entry)
            {
                DateTimeOffset now = _clock();
                bool stale = entry.Token == null || (rejected != null && entry.Token == rejected) || now >= entry.RefreshAt;
                if (!stale)
                {
                    return new AccessToken(entry.Token, entry.ExpiresOn);
                }

                (string token, TimeSpan lifetime) = fetch();
                TimeSpan ahead = TimeSpan.FromTicks(Math.Min(s_ahead.Ticks, lifetime.Ticks / 10));
                entry.Token = token;
                entry.ExpiresOn = now + lifetime;
                entry.RefreshAt = entry.ExpiresOn - ahead;
                entry.Fetches++;
                return new AccessToken(entry.Token, entry.ExpiresOn);
            }
        }

        /// <summary>How many tokens were fetched for a key (for tests and verbose output).</summary>
        internal int Fetches(string key) => _entries.TryGetValue(key, out Entry entry) ? entry.Fetches : 0;

        /// <summary>Drops the tokens of a key (Disconnect-ComplianceWorkplace).</summary>
        internal void Forget(string key) => _entries.TryRemove(key, out _);

        private sealed class Entry
        {
            internal string Token { get; set; }

            internal DateTimeOffset ExpiresOn { get; set; }

            internal DateTimeOffset RefreshAt { get; set; }

            internal int Fetches { get; set; }
        }
    }
}
