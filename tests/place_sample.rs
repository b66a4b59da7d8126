//! Reading the reporting government of places in no corpus: a report
//! opening for every current province, city and county of
//! `data/divisions.tsv` (3,214 of them), written in one of the genre's
//! title, issuer and dateline forms, with body sentences that name the
//! parent, places of other provinces and common words that are also the
//! stems of places (新建学校, 城关镇, 乡村振兴, 新建区级). Each must read as its
//! own code; invented places in the same forms must read as none.

use luoshi::document::{Document, Normaliser};
use luoshi::place::{table, Table};
use std::path::Path;

/// Body sentences with words that equal the stem of some division
/// (新建区, 和平区, 城关区, 新城区, 振兴区, 光明区, 合作市, 平安区, 长寿区,
/// 安宁市, 新兴县, 东方市, 前进区, 通道县, 富裕县, 港口区, 新华区, 吉利区,
/// 长安区, 向阳区, 中原区, 红旗区, 城北区), or its full name before a word its
/// suffix begins (新建区级, 城北区域, 新建市场): common in every report.
const COMMON_WORDS: &[&str] = &[
    "新建学校3所，新建改扩建幼儿园5所，城关镇污水管网改造全面完成。",
    "新城建设加快推进，高新技术企业达到52家，乡村振兴扎实推进。",
    "和平路、友谊路、前进路改造完工，平安建设和法治建设成效明显。",
    "新兴产业加快发展，港口吞吐量增长6%，农民专业合作社达到320家。",
    "光明工程惠及群众2万人，长寿老人慰问金按时发放，安宁疗护试点启动。",
    "东方红水库除险加固完成，向阳花开社区获评示范社区，通道建设提速。",
    "新华书店改造完成，吉利汽车配套项目落地，长安街区焕新，中原城市群合作深化。",
    "红旗渠精神深入人心，富裕起来的农民群众增收4.5%，团结奋斗氛围浓厚。",
    "新建区级养老服务中心2个，城北区域路网加密，江北区域污水处理厂投运。",
    "新建市场3个，城东区域棚户区改造完成，和平区域综合整治启动。",
];

/// A stable hash, so the wording chosen for a place is the same on every run.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Rows of every current division, provinces first, then cities, counties.
fn current_rows(t: &Table) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..t.rows().len())
        .filter(|&i| t.row(i).last.is_none())
        .collect();
    rows.sort_by_key(|&i| (t.row(i).level, fnv(&t.row(i).code)));
    rows
}

/// The report's word for itself: 全 and the last character of the name.
fn own_word(name: &str) -> String {
    format!("全{}", name.chars().last().unwrap_or('县'))
}

/// The head of the government (县长, 区长, 市长, 省长, 主席, 旗长, 州长).
fn head(name: &str) -> &'static str {
    if name.ends_with("自治区") {
        "主席"
    } else {
        match name.chars().last() {
            Some('省') => "省长",
            Some('市') => "市长",
            Some('区') => "区长",
            Some('旗') => "旗长",
            Some('州') => "州长",
            Some('盟') => "盟长",
            _ => "县长",
        }
    }
}

/// A place of another province to name in passing.
fn other_place(t: &Table, row: usize, salt: u64) -> String {
    let own = &t.row(row).code[..2];
    let rows: Vec<usize> = (0..t.rows().len())
        .filter(|&i| t.row(i).last.is_none() && &t.row(i).code[..2] != own)
        .collect();
    let i = rows[(fnv(&t.row(row).code).wrapping_add(salt) % rows.len() as u64) as usize];
    t.row(i).name.clone()
}

/// How many forms `opening` writes.
const FORMS: usize = 7;

/// A place a report is written for: its name, its parent's name, a seed
/// for the choices of wording, and two places of other provinces it names.
struct Subject {
    name: String,
    parent: Option<String>,
    seed: u64,
    others: (String, String),
}

impl Subject {
    fn of_row(t: &Table, row: usize) -> Subject {
        Subject {
            name: t.row(row).name.clone(),
            parent: t.parent_index(row).map(|p| t.row(p).name.clone()),
            seed: fnv(&t.row(row).code),
            others: (other_place(t, row, 1), other_place(t, row, 2)),
        }
    }
}

/// One report opening of `subject`, in one of the genre's forms.
fn opening(subject: &Subject, form: usize) -> String {
    let name = subject.name.as_str();
    let parent = subject.parent.clone();
    let chain = parent.clone().unwrap_or_default() + name;
    let seed = subject.seed;
    let (a, b) = subject.others.clone();
    let own = own_word(name);
    let head = head(name);
    let year = 2019 + (seed % 6) as i32;
    let common = COMMON_WORDS[(seed % COMMON_WORDS.len() as u64) as usize];
    let common2 = COMMON_WORDS[((seed / 7) % COMMON_WORDS.len() as u64) as usize];
    let parent_line = match &parent {
        Some(p) => format!("在{p}委、{p}政府的坚强领导下，{own}上下攻坚克难，"),
        None => format!("在党中央、国务院的坚强领导下，{own}上下攻坚克难，"),
    };
    let body = format!(
        "{parent_line}经济运行稳中向好。{own}地区生产总值增长5.2%。{common}\
         与{a}签订战略合作协议，赴{b}考察学习。{common2}{own}一般公共预算收入增长6%。\n"
    );
    let session = format!("第{}届人民代表大会第{}次会议", 15 + form % 4, 1 + form % 5);
    match form % FORMS {
        0 => format!(
            "{year}年{name}政府工作报告\n——{year}年1月10日在{name}{session}上\n{name}{head}  王明\n\
             各位代表：\n现在，我代表{name}人民政府，向大会报告政府工作，请予审议。\n\
             一、{}年工作回顾\n{body}",
            year - 1
        ),
        1 => format!(
            "{name}人民政府关于{year}年上半年预算执行情况的报告\n\
             ——{year}年7月28日在{name}第{}届人民代表大会常务委员会第{}次会议上\n\
             {name}财政局局长  李华\n主任、各位副主任、各位委员：\n\
             我受{name}人民政府委托，向会议报告{year}年上半年预算执行情况，请予审议。\n\
             一、上半年预算执行情况\n{body}",
            15 + form % 4,
            10 + form % 9
        ),
        2 => format!(
            "关于{name}{year}年国民经济和社会发展计划执行情况与{}年计划草案的报告\n\
             ——{}年1月9日在{name}{session}上\n{name}发展和改革委员会\n各位代表：\n\
             受{name}人民政府委托，现将{year}年计划执行情况和{}年计划草案提请大会审议。\n\
             一、{year}年计划执行情况\n{body}",
            year + 1,
            year + 1,
            year + 1
        ),
        3 => format!(
            "政府工作报告\n——{year}年1月12日在{name}{session}上\n{head}  张伟\n各位代表：\n\
             现在，我代表{name}人民政府，向大会报告政府工作，请予审议，并请政协委员提出意见。\n\
             一、{}年工作回顾\n{body}",
            year - 1
        ),
        4 => format!(
            "{chain}{year}年政府工作报告\n——{year}年1月15日在{chain}{session}上\n各位代表：\n\
             现在，我代表{name}人民政府，向大会报告政府工作，请予审议。\n一、{}年工作回顾\n{body}",
            year - 1
        ),
        5 => format!(
            "政府工作报告\n——{year}年1月10日在{}第{}届人民代表大会第{}次会议上\n各位代表：\n\
             现在，我代表{name}人民政府，向大会报告政府工作，请予审议。\n一、{}年工作回顾\n{body}",
            name.chars().last().unwrap_or('县'),
            15 + form % 4,
            1 + form % 5,
            year - 1
        ),
        _ => format!(
            "{name}人民政府门户网站 发布时间：{year}-02-10\n\
             {name}{year}年国民经济和社会发展统计公报与计划执行情况\n\
             {name}统计局\n一、综合\n{body}"
        ),
    }
}

#[test]
fn places_in_no_corpus_read_as_themselves() {
    let t = table();
    let normaliser = Normaliser::new(&[]).expect("normaliser");
    let rows = current_rows(t);
    assert!(rows.len() > 3000, "{}", rows.len());

    let mut wrong: Vec<String> = Vec::new();
    for (k, &row) in rows.iter().enumerate() {
        let text = opening(&Subject::of_row(t, row), k);
        let doc = Document::from_text(Path::new("sample.txt"), text.clone(), &normaliser);
        let got = doc.report.place.as_ref().map(|p| p.code.as_str());
        if got != Some(t.row(row).code.as_str()) {
            let got = doc
                .report
                .place
                .as_ref()
                .map_or("none".into(), |p| p.name.clone());
            wrong.push(format!(
                "{} {} (form {}) read as {got}",
                t.row(row).code,
                t.place(row).name,
                k % FORMS
            ));
        }
    }
    let right = rows.len() - wrong.len();
    assert!(
        wrong.is_empty(),
        "{right} of {} read right:\n{}",
        rows.len(),
        wrong.join("\n")
    );
}

/// Invented places (a county of an invented city) whose names share no
/// stem with any division, in the forms of real reports.
fn invented(t: &Table) -> Vec<Subject> {
    let first = ["云", "翠", "沐", "岚", "霁", "澄", "黛", "栖", "漪", "聆"];
    let second = ["山", "微", "川", "溪", "湾", "屏", "汀", "岫", "桥", "谷"];
    let taken = |stem: &str| t.rows().iter().any(|d| d.name.contains(stem));
    let mut out = Vec::new();
    for (i, a) in first.iter().enumerate() {
        for (j, b) in second.iter().enumerate() {
            let (stem, city) = (format!("{a}{b}"), format!("{b}{a}"));
            if taken(&stem) || taken(&city) {
                continue;
            }
            let suffix = if (i + j) % 2 == 0 { "区" } else { "县" };
            out.push(Subject {
                name: format!("{stem}{suffix}"),
                parent: Some(format!("{city}市")),
                seed: fnv(&stem),
                others: (
                    other_place_by_seed(t, fnv(&stem)),
                    other_place_by_seed(t, fnv(&city)),
                ),
            });
        }
    }
    out
}

fn other_place_by_seed(t: &Table, seed: u64) -> String {
    let rows: Vec<usize> = (0..t.rows().len())
        .filter(|&i| t.row(i).last.is_none())
        .collect();
    t.row(rows[(seed % rows.len() as u64) as usize])
        .name
        .clone()
}

#[test]
fn invented_places_read_as_none() {
    let t = table();
    let normaliser = Normaliser::new(&[]).expect("normaliser");
    let subjects = invented(t);
    assert!(subjects.len() >= 40, "{}", subjects.len());
    let mut wrong: Vec<String> = Vec::new();
    for (k, subject) in subjects.iter().enumerate() {
        let text = opening(subject, k);
        let doc = Document::from_text(Path::new("invented.txt"), text, &normaliser);
        if let Some(p) = doc.report.place {
            wrong.push(format!(
                "{}{} (form {}) read as {}",
                subject.parent.clone().unwrap_or_default(),
                subject.name,
                k % FORMS,
                p.name
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} invented places read as a real one:\n{}",
        wrong.len(),
        subjects.len(),
        wrong.join("\n")
    );
}

#[test]
fn an_invented_place_reads_as_none() {
    // The phrasing example of an invented district, without its catalogue.
    let text =
        std::fs::read_to_string("fixtures/phrasings/yunshan-2031-annual.txt").expect("fixture");
    let normaliser = Normaliser::new(&[]).expect("normaliser");
    let doc = Document::from_text(Path::new("yunshan-2031-annual.txt"), text, &normaliser);
    assert_eq!(doc.report.place.map(|p| p.name), None);
}
