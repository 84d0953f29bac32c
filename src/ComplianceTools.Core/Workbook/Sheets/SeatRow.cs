using System;

namespace ComplianceTools.Core.Workbook.Sheets
{
    [Sheet("Seats", "坐席", Order = 3,
        Purpose = "The seat detail table: every seat on file, whether it is activated, its type and where it sits.",
        PurposeZh = "坐席明细表:每个备案坐席、是否实际开通、类型与所在地。")]
    public sealed class SeatRow : WorkbookRow
    {
        [Column("SeatId", "坐席编号", Required = true, Aliases = new[] { "坐席号", "Seat", "SeatNo" })]
        public string SeatId { get; set; }

        [Column("SeatType", "坐席类型", Aliases = new[] { "类型", "Type" })]
        public SeatType? SeatType { get; set; }

        [Column("Activated", "是否开通", Required = true, BlankAllowed = true, Aliases = new[] { "实际开通", "开通", "Active" })]
        public YesNo? Activated { get; set; }

        [Column("Location", "所在地", Aliases = new[] { "境内外" })]
        public SeatLocation? Location { get; set; }

        [Column("Site", "工作场地", Aliases = new[] { "职场" })]
        public string Site { get; set; }

        [Column("AgentEmployeeId", "坐席人员工号", Aliases = new[] { "工号", "EmployeeId", "AgentId" })]
        public string AgentEmployeeId { get; set; }

        [Column("Channel", "通道", Aliases = new[] { "线路" })]
        public string Channel { get; set; }

        [Column("Team", "外包团队", Aliases = new[] { "团队", "OutsourcingTeam" })]
        public string Team { get; set; }

        [Column("ActivatedOn", "开通日期", Format = "yyyy-mm-dd")]
        public DateTime? ActivatedOn { get; set; }

        [Column("DeactivatedOn", "停用日期", Format = "yyyy-mm-dd")]
        public DateTime? DeactivatedOn { get; set; }
    }
}
