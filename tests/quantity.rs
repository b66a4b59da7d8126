//! Quantity scanner on real phrasings from the reports in `fixtures/reports`
//! (normalised: ASCII digits and punctuation, simplified script).

use luoshi::quantity::{parse, scan, Direction, Quantity};
use luoshi::statement::Bound;

/// One quantity expected in a phrase: the text its span covers, its value in
/// the canonical unit, the canonical unit, bound and direction.
struct Case {
    text: &'static str,
    span: &'static str,
    value: f64,
    unit: &'static str,
    bound: Bound,
    direction: Option<Direction>,
}

const fn case(
    text: &'static str,
    span: &'static str,
    value: f64,
    unit: &'static str,
    bound: Bound,
    direction: Option<Direction>,
) -> Case {
    Case {
        text,
        span,
        value,
        unit,
        bound,
        direction,
    }
}

use Bound::{About, AtLeast, AtMost, Exact};
const RISE: Option<Direction> = Some(Direction::Rise);
const FALL: Option<Direction> = Some(Direction::Fall);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Arabic numbers, decimals and thousands separators.
    case("去年完成土地收储7479.42亩,超额完成4000亩土地收储目标", "7479.42亩", 7479.42, "亩", Exact, None),
    case("去年完成土地收储7479.42亩,超额完成4000亩土地收储目标", "4000亩", 4000.0, "亩", Exact, None),
    case("全区城镇新增就业17598人 ,受理招用工", "17598人", 17598.0, "人", Exact, None),
    case("新增学位1,200个", "1,200个", 1200.0, "个", Exact, None),
    // Multipliers between number and unit; direct units win.
    case("首批综合高中试点1个,新增公办学位1.3万个。", "1.3万个", 13000.0, "个", Exact, None),
    case("365个区重点建设项目年度投资计划748.7亿元,上半年", "748.7亿元", 748.7, "亿元", Exact, None),
    case("清拆违建5111宗、面积超635.4万平方米。", "超635.4万平方米", 635.4, "万平方米", AtLeast, None),
    case("清拆违建5111宗、面积超635.4万平方米。", "5111宗", 5111.0, "宗", Exact, None),
    case("新增就业3.4万人", "3.4万人", 34000.0, "人", Exact, None),
    case("保障性租赁住房1.65万套,超额完成", "1.65万套", 16500.0, "套", Exact, None),
    case("完成270宗、1.18万亩产业区块内规划", "1.18万亩", 11800.0, "亩", Exact, None),
    case("新增孵化面积达0.62万平方米。", "达0.62万平方米", 0.62, "万平方米", Exact, None),
    case("绿化建设5000平方米,完成云岭园", "5000平方米", 0.5, "万平方米", Exact, None),
    case("资金累计筹款超7800万元,支持", "超7800万元", 0.78, "亿元", AtLeast, None),
    case("新建道路3千米", "3千米", 3.0, "公里", Exact, None),
    case("3100公顷用地规划优化", "3100公顷", 46500.0, "亩", Exact, None),
    case("职工养老、失业、工伤保险待遇39.97万人次、4.61万人次", "39.97万人次", 399700.0, "人次", Exact, None),
    // Chinese numerals, only before a unit.
    case("新增学位一万个", "一万个", 10000.0, "个", Exact, None),
    case("新增两千个停车位", "两千个", 2000.0, "个", Exact, None),
    case("新增三千五百个学位", "三千五百个", 3500.0, "个", Exact, None),
    case("完成土地收储七千四百七十九点四二亩", "七千四百七十九点四二亩", 7479.42, "亩", Exact, None),
    case("建成十二所学校", "十二所", 12.0, "所", Exact, None),
    case("改造二十个老旧小区", "二十个", 20.0, "个", Exact, None),
    case("新增一百零五家企业", "一百零五家", 105.0, "家", Exact, None),
    case("新增3千个停车位", "3千个", 3000.0, "个", Exact, None),
    case("首批综合高中试点一个", "一个", 1.0, "个", Exact, None),
    // Percentage points are not percent.
    case("同比提升7.8个百分点;PM2.5平均浓度", "同比提升7.8个百分点", 7.8, "百分点", Exact, RISE),
    case("AQI达标率90.2%,同比增加3.1个百分点。", "同比增加3.1个百分点", 3.1, "百分点", Exact, RISE),
    case("AQI达标率90.2%,同比增加3.1个百分点。", "90.2%", 90.2, "%", Exact, None),
    // Bounds before, between and after.
    case("带动金融机构解决近1.4万家中小微企业", "近1.4万家", 14000.0, "家", About, None),
    case("依托千余家国家高新技术企业", "千余家", 1000.0, "家", AtLeast, None),
    case("新建成碧道170多公里,完成8公里绿道提升", "170多公里", 170.0, "公里", AtLeast, None),
    case("完成300余个口袋公园", "300余个", 300.0, "个", AtLeast, None),
    case("支持社会民生项目1500多个、5400多万元。", "5400多万元", 0.54, "亿元", AtLeast, None),
    case("全年计划目标不低于4000亩,重点加快推进", "不低于4000亩", 4000.0, "亩", AtLeast, None),
    case("各镇打造不少于10公里的新乡村风貌", "不少于10公里", 10.0, "公里", AtLeast, None),
    case("城镇登记失业率控制在3.5%以内。", "控制在3.5%以内", 3.5, "%", AtMost, None),
    case("全区高新技术企业达1260家、科技型中小企业", "达1260家", 1260.0, "家", Exact, None),
    case("36个重点项目签约,总投资约480亿元。", "约480亿元", 480.0, "亿元", About, None),
    case("36个重点项目签约,总投资约480亿元。", "36个", 36.0, "个", Exact, None),
    case("投资额逾50亿元", "逾50亿元", 50.0, "亿元", AtLeast, None),
    case("投资额不超过50亿元", "不超过50亿元", 50.0, "亿元", AtMost, None),
    case("接近2000人", "接近2000人", 2000.0, "人", About, None),
    case("最多5个", "最多5个", 5.0, "个", AtMost, None),
    case("实现80家以上", "80家以上", 80.0, "家", AtLeast, None),
    case("超千家企业", "超千家", 1000.0, "家", AtLeast, None),
    // Rates with rise and fall words.
    case("地区生产总值增长6.5%左右,规模以上", "增长6.5%左右", 6.5, "%", About, RISE),
    case("1.地区生产总值增长7%以上", "增长7%以上", 7.0, "%", AtLeast, RISE),
    case("固定资产投资增长超10%", "增长超10%", 10.0, "%", AtLeast, RISE),
    case("单位生产总值能耗下降3.2%,主要污染物", "下降3.2%", -3.2, "%", Exact, FALL),
    case("规模以上工业总产值增长-15.7%", "增长-15.7%", -15.7, "%", Exact, RISE),
    case("一般公共预算收入44.9亿元、同比增长5.3%,增速排名", "同比增长5.3%", 5.3, "%", Exact, RISE),
    case("一般公共预算收入44.9亿元、同比增长5.3%,增速排名", "44.9亿元", 44.9, "亿元", Exact, None),
    case("工业投资同比下降27.3%", "同比下降27.3%", -27.3, "%", Exact, FALL),
    case("增速回落2个百分点", "回落2个百分点", -2.0, "百分点", Exact, FALL),
    case("占比下降百分之五", "下降百分之五", -5.0, "%", Exact, FALL),
    // Ranges.
    case("核酸检测能力至2.5—3万人份/日。", "2.5—3万人份", 25000.0, "人份", AtLeast, None),
    case("新增2.5-3万个学位", "2.5-3万个", 25000.0, "个", AtLeast, None),
    case("建设5至10个示范点", "5至10个", 5.0, "个", AtLeast, None),
    case("建设5~10个示范点", "5~10个", 5.0, "个", AtLeast, None),
    case("单票业务时间减少2至3个工作日;", "减少2至3个工作日", -2.0, "工作日", AtLeast, FALL),
    // Multipliers after 多/余, and other counters.
    case("惠及3000多万人", "3000多万人", 3e7, "人", AtLeast, None),
    case("吸纳就业1万多人", "1万多人", 10000.0, "人", AtLeast, None),
    case("归集数据45亿余条", "45亿余条", 4.5e9, "条", AtLeast, None),
    case("带动就业万余人", "万余人", 10000.0, "人", AtLeast, None),
    case("吸引84国超千名采购商", "超千名", 1000.0, "人", AtLeast, None),
    case("新增一点五万人", "一点五万人", 15000.0, "人", Exact, None),
    case("养老床位2880张", "2880张", 2880.0, "张", Exact, None),
    case("新增养老500床位", "500床位", 500.0, "张", Exact, None),
    case("工期缩短至5个月", "5个月", 5.0, "月", Exact, None),
    case("办理时间由法定20个工作日", "20个工作日", 20.0, "工作日", Exact, None),
    case("提升两个百分点", "提升两个百分点", 2.0, "百分点", Exact, RISE),
    case("构建15—30分钟生活圈", "15—30分钟", 15.0, "分钟", AtLeast, None),
    case("规模以上工业增速为-15.7%", "增速为-15.7%", -15.7, "%", Exact, RISE),
    case("同比增长2.09倍", "同比增长2.09倍", 2.09, "倍", Exact, RISE),
    case("PM2.5平均浓度23微克,优良天数317天", "317天", 317.0, "天", Exact, None),
    // Ids and codes next to real quantities.
    case("新增5G基站307个,累计建成总数7", "307个", 307.0, "个", Exact, None),
    case("新建成5G基站461个,累计建成16492个,排名全市前列。", "16492个", 16492.0, "个", Exact, None),
    case("完成5000亩碳汇造林目标", "5000亩", 5000.0, "亩", Exact, None),
];

fn found<'a>(quantities: &'a [Quantity], text: &str, span: &str) -> Vec<&'a Quantity> {
    quantities
        .iter()
        .filter(|q| text.get(q.span.clone()) == Some(span))
        .collect()
}

#[test]
fn real_phrasings() {
    let mut failures = Vec::new();
    for c in CASES {
        let quantities = scan(c.text);
        let hits = found(&quantities, c.text, c.span);
        let Some(q) = hits.first().filter(|_| hits.len() == 1) else {
            let spans: Vec<_> = quantities
                .iter()
                .map(|q| c.text.get(q.span.clone()))
                .collect();
            failures.push(format!(
                "{}: no quantity spanning {}; found {spans:?}",
                c.text, c.span
            ));
            continue;
        };
        let value = q.canonical_value();
        let close = (value - c.value).abs() <= 1e-9 * c.value.abs().max(1.0);
        if !close || q.unit.canonical != c.unit || q.bound != c.bound || q.direction != c.direction
        {
            failures.push(format!(
                "{} [{}]: got {value} {} {:?} {:?}, want {} {} {:?} {:?}",
                c.text,
                c.span,
                q.unit.canonical,
                q.bound,
                q.direction,
                c.value,
                c.unit,
                c.bound,
                c.direction
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Phrases in which no quantity may be found at all.
const NOTHING: &[&str] = &[
    "推进“粤菜师傅”2工程",
    "构建“七横八纵” 1骨干路网",
    "1.地区生产总值",
    "(1)加快推进",
    "2021年7月26日在广州市白云区",
    "发布时间:2021-08-10 来源:区发展改革局",
    "编制“十四五”规划",
    "十四五规划",
    "一般公共预算",
    "一批重点项目",
    "G5高速",
    "5G基站",
    "联系电话:020-86123456",
    "区号0311",
    "3A级旅游景区",
    "2023-2025年",
    "千家万户",
    "第一个",
    "第3名",
    "三四个",
    "万元GDP能耗",
    "PM2.5平均浓度",
    "地铁12号线、8号线北延段",
    "1—5月",
    "“两高四新”7企业",
    "“助保贷”8资金规模",
    "十一届九次会议",
    "推进三元里片区",
    "一元化管理",
    "",
];

#[test]
fn not_quantities() {
    for text in NOTHING {
        let spans: Vec<_> = scan(text)
            .iter()
            .map(|q| text.get(q.span.clone()))
            .collect();
        assert!(spans.is_empty(), "{text}: {spans:?}");
    }
}

#[test]
fn range_keeps_its_upper_end() {
    let q = parse("2.5—3万个");
    assert_eq!(
        q.as_ref().map(|q| (q.value, q.upper)),
        Some((25000.0, Some(30000.0)))
    );
    let q = parse("下降2至3个百分点");
    assert_eq!(
        q.as_ref().map(|q| (q.value, q.upper)),
        Some((-2.0, Some(-3.0)))
    );
}

#[test]
fn number_range_excludes_bound_and_unit() {
    let text = "面积超635.4万平方米";
    let q = scan(text);
    assert_eq!(
        q.first().and_then(|q| text.get(q.number.clone())),
        Some("635.4")
    );
    let text = "新增公办学位1.3万个";
    let q = scan(text);
    assert_eq!(
        q.first().and_then(|q| text.get(q.number.clone())),
        Some("1.3万")
    );
}

#[test]
fn parse_wants_the_whole_text() {
    assert!(parse("1.3万个").is_some());
    assert!(parse("新增1.3万个").is_none());
    assert!(parse("1.3万个、2个").is_none());
}

/// Full-width punctuation and digits as the document stage folds them.
fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            '％' => '%',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Every annotated statement in a simplified-script report has its number,
/// unit and bound in its quote, as the scanner reads them. (The traditional
/// report needs the document stage's script conversion first.)
#[test]
fn gold_quotes_hold_their_values() {
    let gold = std::fs::read_to_string("fixtures/gold/statements.tsv").unwrap_or_default();
    let mut checked = 0;
    let mut failures = Vec::new();
    for row in gold
        .lines()
        .skip(1)
        .filter(|row| !row.starts_with("huadu-"))
    {
        let fields: Vec<&str> = row.split('\t').collect();
        let [_, _, target, _, _, value, unit, bound, _, quote] = fields[..] else {
            failures.push(format!("malformed row: {row}"));
            continue;
        };
        let value: f64 = value.parse().unwrap_or(f64::NAN);
        let quote = fold_width(quote);
        let quantities = scan(&quote);
        let hit = quantities.iter().any(|q| {
            q.unit.canonical == unit
                && (q.canonical_value() - value).abs() <= 0.005 * value.abs()
                && q.bound.as_str() == bound
        });
        if !hit {
            failures.push(format!("{target} {value} {unit} {bound}: {quote}"));
        }
        checked += 1;
    }
    assert!(checked >= 80, "only {checked} gold rows read");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
