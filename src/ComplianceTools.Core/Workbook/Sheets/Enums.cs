namespace ComplianceTools.Core.Workbook.Sheets
{
    /// <summary>是/否 in the workbook; Yes/No, Y/N, True/False, 1/0 accepted.</summary>
    public enum YesNo
    {
        [Choice("否", "No", "N", "False", "0")]
        No = 0,
        [Choice("是", "Yes", "Y", "True", "1")]
        Yes = 1,
    }

    public enum LicenceScope
    {
        [Choice("全网", "Nationwide", "全国")]
        Nationwide,
        [Choice("地网", "Provincial", "省内")]
        Provincial,
    }

    public enum SeatType
    {
        [Choice("物理坐席", "Physical", "人工坐席")]
        Physical,
        [Choice("云坐席", "Cloud")]
        Cloud,
        [Choice("AI坐席", "AI", "机器人坐席", "Robot")]
        AI,
    }

    public enum SeatLocation
    {
        [Choice("境内", "Domestic", "国内")]
        Domestic,
        [Choice("境外", "Overseas", "海外")]
        Overseas,
    }

    public enum NumberType
    {
        [Choice("95短号码", "95", "ShortNumber95")]
        Short95,
        [Choice("96短号码", "96", "ShortNumber96")]
        Short96,
        [Choice("固话", "Landline", "固定电话")]
        Landline,
        [Choice("手机", "Mobile", "手机号")]
        Mobile,
        [Choice("400号码", "400")]
        Service400,
    }

    public enum NumberStatus
    {
        [Choice("在用", "InUse", "Active")]
        InUse,
        [Choice("停用", "Suspended", "Inactive")]
        Suspended,
    }

    /// <summary>Where a complaint came from: 12321 harassment centre, 12300 MIIT line, 12345 hotline, MIIT appeal, or own channels.</summary>
    public enum ComplaintChannel
    {
        [Choice("12321")]
        C12321,
        [Choice("12300")]
        C12300,
        [Choice("12345")]
        C12345,
        [Choice("工信部申诉", "MIIT", "工信部")]
        Miit,
        [Choice("企业自有渠道", "Own", "自有")]
        Own,
    }

    public enum TicketStatus
    {
        [Choice("已结案", "Closed", "关闭")]
        Closed,
        [Choice("处理中", "Open", "未结案")]
        Open,
    }

    /// <summary>Outbound sub-categories the guide names; users complete the form's list in the scenario rules.</summary>
    public enum ConsentMethod
    {
        [Choice("书面授权", "Written")]
        Written,
        [Choice("线上勾选", "Online", "电子授权")]
        Online,
        [Choice("录音确认", "Recorded", "语音授权")]
        Recorded,
        [Choice("既有客户关系", "ExistingCustomer", "存量客户")]
        ExistingCustomer,
        [Choice("无", "None")]
        None,
    }

    public enum PenaltyStatus
    {
        [Choice("已整改完成", "Closed", "已整改")]
        Closed,
        [Choice("整改中", "Open", "未整改")]
        Open,
    }

    public enum AuditOpinion
    {
        [Choice("标准无保留意见", "Unqualified", "标准无保留")]
        Unqualified,
        [Choice("带强调事项段的无保留意见", "UnqualifiedWithEmphasis")]
        UnqualifiedWithEmphasis,
        [Choice("保留意见", "Qualified")]
        Qualified,
        [Choice("否定意见", "Adverse")]
        Adverse,
        [Choice("无法表示意见", "Disclaimer")]
        Disclaimer,
    }
}
