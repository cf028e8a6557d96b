namespace FullEmployment.Domain.Campaigns;

/// <summary>The default provincial score template, version 2023-1 (docs/reference/score-sheet.md), following Article 5 group by group.</summary>
public static class DefaultScoreTemplate
{
    public const string Version = "2023-1";

    public static ScoreTemplate Create(string provinceCode, DateTimeOffset publishedAt)
    {
        var t = new ScoreTemplate(Version, "甘肃省省级充分就业社区认定量化评分表", provinceCode);
        const string platform = "平台建设";
        t.AddItem(1, platform, "1.1", "已被评为市级充分就业社区并报省人社厅备案", 4, "是得4分，否得0分", ScoringMode.Auto, "A5.1.1", gateMinimum: 4);
        t.AddItem(1, platform, "1.2", "有独立的工作场地、综合性服务大厅、就业保障服务窗口和醒目的信息公开栏", 4, "每具备一项得1分", ScoringMode.Judged, "A5.1.2");
        t.AddItem(1, platform, "1.3", "工作环境整洁，配备电脑、打印机、档案柜等基础办公设备，能够开展“一站式”就业服务", 3, "每具备一项得1分", ScoringMode.Judged, "A5.1.3");
        t.AddItem(1, platform, "1.4", "有大专以上学历的专职就业服务工作人员，岗位稳定", 5, "2名及以上得5分，1名得3分，无得0分（必备：至少1名）", ScoringMode.Auto, "A5.1.4", gateMinimum: 3);
        t.AddItem(1, platform, "1.5", "建立完整规范的工作制度和工作流程，工作职责明确", 4, "评定0–4分", ScoringMode.Judged, "A5.1.5");
        const string basics = "基础工作";
        t.AddItem(2, basics, "2.1", "各类就业创业服务工作台账齐全统一，数据库建立规范、更新及时", 8, "8分×必填字段全部有效的台账记录占比；每类台账90天未更新扣2分；扣完为止", ScoringMode.Auto, "A5.2.1");
        t.AddItem(2, basics, "2.2", "各类统计报表上报及时、数据准确，与基础台账相符", 7, "每个与台账不符的数据扣1分；每份迟报报表扣1分；扣完为止", ScoringMode.Auto, "A5.2.2");
        const string policy = "就业政策落实";
        t.AddItem(3, policy, "3.1", "零就业家庭认定后一个月内至少一人就业；有劳动意愿的适龄劳动力半年内得到就业援助", 10, "有任一未达标即得0分，否则得10分", ScoringMode.Auto, "A5.3.1", gateMinimum: 10);
        t.AddItem(3, policy, "3.2", "就业困难人员就业率不低于95%", 10, "不低于95%得10分，否则得0分", ScoringMode.Auto, "A5.3.2", gateMinimum: 10);
        t.AddItem(3, policy, "3.3", "登记失业人员再就业率不低于90%，并有跟踪服务记录", 10, "再就业率不低于90%得8分，另加2分×跟踪服务覆盖率（必备：再就业率）", ScoringMode.Auto, "A5.3.3", gateMinimum: 8);
        t.AddItem(3, policy, "3.4", "及时登记重点群体就业愿望并帮助其实现就业", 5, "5分×已登记重点群体人员的就业占比", ScoringMode.Auto, "A5.3.4");
        const string assistance = "开展就业援助";
        t.AddItem(4, assistance, "4.1", "推荐就业困难人员参加就业创业培训，工作有记载", 5, "5分×有培训推荐记录的人员占比", ScoringMode.Auto, "A5.4.1");
        t.AddItem(4, assistance, "4.2", "为未就业的就业困难人员每月至少提供1次就业援助，并有“一对一援助记录”", 10, "10分×人月援助覆盖率（必备：100%）", ScoringMode.Auto, "A5.4.2", gateMinimum: 10);
        t.AddItem(4, assistance, "4.3", "登记失业人员信息动态管理和跟踪服务", 5, "5分×考核期内每季度均有跟踪记录的登记失业人员占比", ScoringMode.Auto, "A5.4.3");
        const string evaluation = "群众评价";
        t.AddItem(5, evaluation, "5.1", "群众满意度", 5, "满意率不低于90%得5分，80%–90%得3分，低于80%得0分", ScoringMode.Judged, "A5.5.1");
        t.AddItem(5, evaluation, "5.2", "无重大劳动纠纷，连续三年无人社工作方面的有效投诉", 5, "无得5分，否则得0分", ScoringMode.Auto, "A5.5.2", gateMinimum: 5);
        t.Publish(publishedAt);
        return t;
    }
}
