// Plans of a chosen size in JSON v1, for the limits test and benchmark: the
// largest plan the editor opens (src/model/limits.rs) and plans just over it.
// Keep LIMITS equal to the constants there (the test checks the messages).

export const LIMITS = {
  bytes: 10 * 1024 * 1024,
  textBytes: 4 * 1024 * 1024,
  fieldChars: 10_000,
  bodyNodes: 3_000,
  rows: 5_000,
  agencies: 200,
};

const SENTENCE = 'Tổ chức tuyên truyền, phổ biến sâu rộng đến cán bộ, công chức và Nhân dân trên địa bàn phường về nội dung Kế hoạch';

/** A text of exactly `n` characters (code points), Vietnamese words. */
export function textOf(n) {
  const unit = [...`${SENTENCE}; `];
  return Array.from({ length: n }, (_, i) => unit[i % unit.length]).join('');
}

/** `n` body parts: parts I., II. … of ten sections, each a heading over a task, items and paragraphs. */
function body(n, agencyIds, longFields) {
  const out = [];
  let made = 0;
  let long = longFields;
  const text = (i) => {
    if (long > 0) {
      long--;
      return textOf(LIMITS.fieldChars);
    }
    return `${SENTENCE} (mục ${i + 1}).`;
  };
  while (made < n) {
    const part = { kind: 'heading', text: `PHẦN NỘI DUNG SỐ ${out.length + 1}`, children: [] };
    out.push(part);
    made++;
    while (made < n && part.children.length < 20) {
      const section = { kind: 'heading', text: `Nhóm nhiệm vụ ${part.children.length + 1}`, children: [] };
      part.children.push(section);
      made++;
      for (let k = 0; k < 9 && made < n; k++, made++) {
        const i = made;
        if (k % 3 === 0) {
          section.children.push({
            kind: 'task', text: text(i),
            task: {
              lead: [agencyIds[i % agencyIds.length]], partners: [agencyIds[(i + 1) % agencyIds.length]],
              form: 'Hội nghị, văn bản', timeframe: { quarter: { quarter: 1 + (i % 4), year: 2026 } }, output: 'Báo cáo kết quả',
            },
          });
        } else {
          section.children.push({ kind: k % 3 === 1 ? 'item' : 'paragraph', text: text(i) });
        }
      }
    }
  }
  return out;
}

/** One appendix of `rows` task rows in groups of 50. */
function appendix(rows, agencyIds) {
  const groups = [];
  const tf = [{ year: 2027 }, 'regular', 'annually', { quarter: { quarter: 2, year: 2026 } }];
  for (let r = 0; r < rows; r++) {
    if (r % 50 === 0) groups.push({ heading: `Nhóm ${r / 50 + 1}`, rows: [] });
    groups.at(-1).rows.push({
      cells: [
        {},
        { text: `Thực hiện nhiệm vụ số ${r + 1} về bảo đảm dân chủ ở cơ sở` },
        { agencies: [agencyIds[r % agencyIds.length]] },
        { agencies: [agencyIds[(r + 1) % agencyIds.length], agencyIds[(r + 2) % agencyIds.length]] },
        { timeframe: tf[r % tf.length] },
        { text: 'Báo cáo kết quả thực hiện' },
      ],
    });
  }
  const col = (id, title, kind) => ({ id, title, kind });
  return {
    number: 'I', title: 'Danh mục nhiệm vụ', landscape: true,
    columns: [col('stt', 'STT', 'index'), col('content', 'Nội dung nhiệm vụ', 'text'), col('lead', 'Cơ quan chủ trì', 'agency'),
      col('partners', 'Cơ quan phối hợp', 'agency_list'), col('time', 'Thời gian thực hiện', 'timeframe'), col('output', 'Sản phẩm', 'text')],
    groups,
  };
}

/**
 * A plan with `nodes` body parts (and one opening paragraph among them),
 * `rows` appendix rows, `agencies` agencies and `longFields` paragraphs of the
 * longest text a field takes. `subject` overrides the subject line.
 */
export function plan(o) {
  return planOf(o);
}

function planOf({ nodes = LIMITS.bodyNodes, rows = LIMITS.rows, agencies = LIMITS.agencies, longFields = 0, subject } = {}) {
  const list = Array.from({ length: agencies }, (_, i) => ({ id: `co_quan_${i + 1}`, name: `Cơ quan số ${i + 1} của phường`, short_name: `CQ${i + 1}`, level: 'ward' }));
  const ids = list.map((a) => a.id);
  return {
    format: 'kehoach', version: 1, kind: 'plan', profile: 'state',
    header: {
      parent_body: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG', issuing_body: 'ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN', body_code: 'UBND',
      number: '15', symbol: 'KH-UBND', place: 'Hồng An', date: '2026-01-15',
      subject: subject ?? 'Kế hoạch lớn nhất trình soạn thảo mở được',
    },
    opening: ['Thực hiện Kế hoạch số 347/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố.'],
    body: body(Math.max(0, nodes - 1), ids, longFields),
    agencies: list,
    appendices: rows > 0 ? [appendix(rows, ids)] : [],
    recipients: { items: ['UBND thành phố', 'Sở Nội vụ'], archive: 'VT, VHXH' },
    signature: { lines: [{ prefix: 'tm', text: 'ỦY BAN NHÂN DÂN' }, { text: 'CHỦ TỊCH' }], name: 'Nguyễn Văn An' },
  };
}

/** UTF-8 bytes of every string in a JSON value (a little over the limit's count, which skips names of kinds). */
export function textBytes(v) {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.reduce((n, x) => n + textBytes(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n, x) => n + textBytes(x), 0);
  return 0;
}

/**
 * The largest plan the limits allow: every count at its limit, text within
 * 100 KB of its limit. `counts` overrides counts (to try other limits).
 */
export function largestPlan(counts = {}) {
  const plan = (o) => planOf({ ...counts, ...o });
  let lo = 0;
  let hi = LIMITS.bodyNodes;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textBytes(plan({ longFields: mid })) <= LIMITS.textBytes - 100_000) lo = mid; else hi = mid - 1;
  }
  return plan({ longFields: lo });
}
