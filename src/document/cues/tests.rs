use super::*;
use crate::document::Normaliser;

fn norm(s: &str) -> String {
    Normaliser::new(&[])
        .map(|n| n.normalise(s).text)
        .unwrap_or_default()
}

fn identify(s: &str) -> Identity {
    Cues::default_cues().identify(&norm(s))
}

fn date(s: &str) -> Option<(NaiveDate, DateSource)> {
    Cues::default_cues().date(&norm(s))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn numerals() {
    assert_eq!(numeral("2026"), Some(2026));
    assert_eq!(numeral("二〇二六"), Some(2026));
    assert_eq!(numeral("二○二二"), Some(2022));
    assert_eq!(numeral("二十七"), Some(27));
    assert_eq!(numeral("十二"), Some(12));
    assert_eq!(numeral("十"), Some(10));
    assert_eq!(numeral("八"), Some(8));
    assert_eq!(numeral("一二十"), None);
    assert_eq!(numeral(""), None);
}

#[test]
fn digits_that_lost_their_date_words() {
    assert_eq!(digits_date("2025827"), ymd(2025, 8, 27));
    assert_eq!(digits_date("20241230"), ymd(2024, 12, 30));
    assert_eq!(digits_date("202136"), ymd(2021, 3, 6));
    assert_eq!(digits_date("2024"), None);
}

#[test]
fn kinds_and_years_from_titles() {
    let h1 = identify("广州市白云区人民政府关于2021年上半年国民经济和社会发展计划执行情况的报告");
    assert_eq!(
        (h1.kind, h1.reviews, h1.period),
        (Some(ReportKind::H1), Some(2021), Some(Period::H1))
    );
    let months = identify("关于2022年1—6月国民经济和社会发展计划执行情况的报告");
    assert_eq!(
        (months.kind, months.period),
        (Some(ReportKind::H1), Some(Period::H1))
    );
    let annual = identify("广州市番禺区2024年国民经济和社会发展计划执行情况与2025年计划草案的报告");
    assert_eq!(
        (annual.kind, annual.reviews, annual.plans),
        (Some(ReportKind::Annual), Some(2024), Some(2025))
    );
    let spaced = identify("政 府 工 作 报 告\n——2023年3月21日在东安县");
    assert_eq!(spaced.kind, Some(ReportKind::Gwr));
    let next_year = identify("2025年政府工作报告\n各位代表:");
    assert_eq!(
        (next_year.kind, next_year.plans),
        (Some(ReportKind::Gwr), Some(2025))
    );
    let space = identify("关于科右中旗 2022 年国民经济和社会发展计划执行情况\n及 2023 年国民经济和社会发展计划草案的报告");
    assert_eq!(
        (space.kind, space.reviews),
        (Some(ReportKind::Annual), Some(2022))
    );
    assert_eq!(identify("关于印发某某方案的通知").kind, None);
}

#[test]
fn a_title_line_wins_over_a_long_opening_paragraph() {
    let text = "名称: | 鄂温克族自治旗2021年上半年国民经济和社会发展计划执行情况的报告 |\n\
今年以来,在旗委的正确领导和旗人大、政协的监督指导下,全旗各部门认真执行自治旗十三届人大五次会议审议通过的《政府工作报告》,坚持稳中求进工作总基调,坚定不移走生态优先、绿色发展为导向的高质量发展新路子,统筹推进各项工作。";
    assert_eq!(identify(text).kind, Some(ReportKind::H1));
}

#[test]
fn reports_without_a_title() {
    let opening = "——2023年3月29日在梧州市万秀区第三届人民代表大会第四次会议上\n各位代表:\n现在,我代表区人民政府,向大会报告政府工作,请予审议。\n一、2022年工作回顾";
    let read = identify(opening);
    assert_eq!(
        (read.kind, read.reviews),
        (Some(ReportKind::Gwr), Some(2022))
    );
}

#[test]
fn dates_from_datelines_and_metadata() {
    let delivered = |s: &str| {
        date(s)
            .filter(|(_, src)| *src == DateSource::Delivered)
            .map(|(d, _)| d)
    };
    assert_eq!(
        delivered("——2023年3月21日在东安县第十八届人民代表大会"),
        ymd(2023, 3, 21)
    );
    assert_eq!(
        delivered("――2026年1月27日在青海省第十四届"),
        ymd(2026, 1, 27)
    );
    assert_eq!(
        delivered("——二〇二六年一月二十七日在甘肃省十四届人民代表大会"),
        ymd(2026, 1, 27)
    );
    assert_eq!(delivered("(二○二二年十二月二十日)"), ymd(2022, 12, 20));
    assert_eq!(
        delivered("2025827在区十届人大常委会第二十八次会议上"),
        ymd(2025, 8, 27)
    );
    assert_eq!(delivered("——2023 年 1 月 1 日在科右中旗"), ymd(2023, 1, 1));
    assert_eq!(delivered("（2011年1月9日 黄奇帆）"), ymd(2011, 1, 9));
    // Split over two lines: the date line alone still reads.
    assert_eq!(
        delivered("——2023年2月23日在苏尼特右旗\n第十七届人民代表大会"),
        ymd(2023, 2, 23)
    );
    assert_eq!(
        date("[ 成文日期 ] | 2025-02-17 |"),
        ymd(2025, 2, 17).map(|d| (d, DateSource::Written))
    );
    assert_eq!(
        date("成文日期: | 2025年04月15日"),
        ymd(2025, 4, 15).map(|d| (d, DateSource::Written))
    );
    assert_eq!(
        date("发布日期: 2024-02-02"),
        ymd(2024, 2, 2).map(|d| (d, DateSource::Published))
    );
}

#[test]
fn delivered_beats_published_beats_written() {
    let text = "[ 成文日期 ] | 2025-02-17 | [ 发布日期 ] | 2025-02-21 |\n正文";
    assert_eq!(
        date(text),
        ymd(2025, 2, 21).map(|d| (d, DateSource::Published))
    );
    let text = "发布时间:2025-09-15 11:22\n2025827在区十届人大常委会第二十八次会议上";
    assert_eq!(
        date(text),
        ymd(2025, 8, 27).map(|d| (d, DateSource::Delivered))
    );
}

#[test]
fn a_day_without_a_year_takes_the_page_year() {
    let text = "日期:2022年01月24日 作者:\n1月20日,牟定县人民政府县长李永军在作《政府工作报告》时,对2021年作了全面回顾";
    assert_eq!(
        date(text),
        ymd(2022, 1, 20).map(|d| (d, DateSource::Delivered))
    );
}

#[test]
fn periods_of_figures() {
    let period = |s: &str| Cues::default_cues().period_words(&norm(s));
    assert_eq!(
        period("1-11月,一般公共预算收入增长"),
        Some(PeriodWords::ToDate(
            Period::to_month(11).unwrap_or(Period::FY)
        ))
    );
    assert_eq!(
        period("前三季度,地区生产总值增长"),
        Period::to_month(9).map(PeriodWords::ToDate)
    );
    assert_eq!(
        period("1至9月,规上工业增加值增长"),
        Period::to_month(9).map(PeriodWords::ToDate)
    );
    assert_eq!(
        period("截至6月底,累计建成"),
        Some(PeriodWords::ToDate(Period::H1))
    );
    assert_eq!(
        period("上半年,全区地区生产总值增长"),
        Some(PeriodWords::ToDate(Period::H1))
    );
    assert_eq!(period("当月增速"), Some(PeriodWords::Single));
    assert_eq!(period("4月、5月、6月增速分别为"), Some(PeriodWords::Single));
    assert_eq!(period("当季同比增长"), Some(PeriodWords::Single));
    assert_eq!(period("全年地区生产总值增长"), None);
}

#[test]
fn heading_words() {
    let cues = Cues::default_cues();
    let (review, plan) = cues.heading_words("一、2019年工作回顾");
    assert!(review.is_some() && plan.is_none());
    let (review, plan) = cues.heading_words("二、2020年工作安排");
    assert!(review.is_none() && plan.is_some());
    assert_eq!(cues.heading_words("四、全面加强政府自身建设"), (None, None));
}

#[test]
fn the_default_cues_load() {
    let cues = Cues::default_cues();
    assert!(!cues.titles.is_empty() && !cues.dates.is_empty() && !cues.periods.is_empty());
    assert!(!cues.review_words.is_empty() && !cues.plan_words.is_empty());
}
