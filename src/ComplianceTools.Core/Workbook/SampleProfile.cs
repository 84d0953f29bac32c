using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ComplianceTools.Core.Workbook.Sheets;

namespace ComplianceTools.Core.Workbook
{
    /// <summary>
    /// Who the sample operator is and how it fares: <see cref="Default"/> is the bundled sample (示例呼叫中心有限公司, 2,000
    /// seats, 30,000 complaints; the figures tests pin), <see cref="FromSeed"/> a different fictional operator per seed for
    /// a consultant's practice portfolio (New-ComplianceWorkbook -Sample -Seed, Add-ComplianceClient -Sample -Seed).
    /// A seed fixes the operator (name, licence, province, size, which rules it fails); the year then varies its data as
    /// the default sample's year does. The same year and seed give the same data.
    /// </summary>
    public sealed class SampleProfile
    {
        private static readonly string[] s_words = "星河 云帆 长桥 青禾 晨曦 海岳 远航 明德 嘉信 博远 瑞丰 华章 金穗 智联 优声 安达 宏图 鼎新 启明 恒通".Split(' ');
        private static readonly string[] s_trades = "客服外包 呼叫中心 信息服务 数字营销 电子商务 联络中心 云呼科技 互联网服务 客户服务 智能外呼".Split(' ');
        private static readonly (string Province, string Prefix)[] s_provinces =
        {
            ("上海", "沪"), ("北京", "京"), ("广东", "粤"), ("江苏", "苏"), ("浙江", "浙"), ("四川", "川"), ("湖北", "鄂"), ("山东", "鲁"), ("安徽", "皖"), ("陕西", "陕"),
        };

        /// <summary>The seed of the data's random numbers (the default sample: the year).</summary>
        public int RandomSeed { get; set; }

        /// <summary>The seed the operator was made from; null for the bundled sample.</summary>
        public int? Seed { get; set; }

        public string CompanyName { get; set; } = SampleData.CompanyName;

        public string LicenceNumber { get; set; } = "B2-20990001";

        public LicenceScope LicenceScope { get; set; } = LicenceScope.Nationwide;

        public string Province { get; set; } = "上海";

        /// <summary>Size against the bundled sample's (1: 2,000 seats, 1,260 agents, 30,000 complaints, 5 million calls a month).</summary>
        public double Scale { get; set; } = 1;

        /// <summary>Activated seats against the bundled sample's (1: 1,360 of 2,000, a vacancy of 32%); more agents with it.</summary>
        public double Activation { get; set; } = 1;

        /// <summary>Months whose 12321/12300 complaints exceed 0.01% of outbound calls (CMPL-001 Red there).</summary>
        public IReadOnlyList<int> ComplaintSpikeMonths { get; set; } = SampleData.ComplaintSpikeMonths;

        /// <summary>What the company sheet gives as the algorithm filing number (the bundled sample: a website ICP number, ALG-001 Red).</summary>
        public string AlgorithmFilingNumber { get; set; } = "沪ICP备20990001号";

        /// <summary>How many years before the report year the privacy policy was dated (3: PRIV-001 Red).</summary>
        public int PrivacyPolicyAge { get; set; } = 3;

        public double CreditScore { get; set; } = 86;

        /// <summary>One script still filed under 其他 (SCN-001 Red).</summary>
        public bool ScriptInOther { get; set; } = true;

        /// <summary>The evening collection batch calls after 22:00 (WIN-001 Red).</summary>
        public bool EveningCalls { get; set; } = true;

        /// <summary>The bundled sample of a year.</summary>
        public static SampleProfile Default(int year) => new SampleProfile { RandomSeed = year };

        /// <summary>
        /// A fictional operator of its own per seed (1 or more): 100–700 seats, a vacancy of about 12–38%, 0–4 months over
        /// the complaint line, and each of ALG-001, PRIV-001, SCN-001 and WIN-001 failed or passed. The name and licence
        /// number are invented (licence numbers B2-2099xxxx, which MIIT has not issued).
        /// </summary>
        public static SampleProfile FromSeed(int seed, int year)
        {
            if (seed < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(seed), seed, "1 or more");
            }

            var pick = new Random(seed);
            (string province, string prefix) = s_provinces[pick.Next(s_provinces.Length)];
            bool nationwide = pick.Next(2) == 0;
            string number = "2099" + (seed % 10000).ToString("D4", CultureInfo.InvariantCulture);
            int combos = s_words.Length * s_trades.Length;
            // (seed mod 20, (seed div 20 + 3 × seed) mod 10) differs for every seed below 200: no two of them share a name.
            string name = "示例" + s_words[seed % s_words.Length] + s_trades[((seed / s_words.Length) + (3 * seed)) % s_trades.Length]
                + (seed >= combos ? (seed / combos).ToString(CultureInfo.InvariantCulture) : string.Empty) + "有限公司";
            int spikes = pick.Next(5);
            var months = Enumerable.Range(1, 12).OrderBy(_ => pick.Next()).Take(spikes).OrderBy(m => m).ToList();
            var profile = new SampleProfile
            {
                Seed = seed,
                RandomSeed = unchecked((year * 7919) ^ (seed * 104729)),
                CompanyName = name,
                Province = province,
                LicenceScope = nationwide ? LicenceScope.Nationwide : LicenceScope.Provincial,
                LicenceNumber = (nationwide ? string.Empty : prefix) + "B2-" + number,
                Scale = Math.Round(0.05 + (0.30 * pick.NextDouble()), 3),
                Activation = Math.Round(0.92 + (0.27 * pick.NextDouble()), 3),
                ComplaintSpikeMonths = months,
                CreditScore = 72 + pick.Next(24),
                PrivacyPolicyAge = pick.Next(2) == 0 ? 0 : 3,
                ScriptInOther = pick.Next(2) == 0,
                EveningCalls = pick.Next(2) == 0,
            };
            profile.AlgorithmFilingNumber = pick.Next(2) == 0
                ? "网信算备" + (310000 + (seed % 90000)).ToString(CultureInfo.InvariantCulture) + "2099" + seed.ToString("D11", CultureInfo.InvariantCulture) + "号"
                : prefix + "ICP备2099" + (seed % 10000).ToString("D4", CultureInfo.InvariantCulture) + "号";
            return profile;
        }

        /// <summary>A count of the bundled sample at this profile's size (never below 1; exact at size 1).</summary>
        internal int Scaled(int count) => Scale == 1 ? count : Math.Max(1, (int)Math.Round(count * Scale));

        /// <summary>A count of activated seats or of agents at this profile's size and activation (exact for the bundled sample).</summary>
        internal int Activated(int count) => Scale == 1 && Activation == 1 ? count : Math.Max(1, (int)Math.Round(count * Scale * Activation));
    }
}
