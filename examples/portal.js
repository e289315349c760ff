// The mock portal's own script (an external module: the CSP allows no inline
// script). It mounts the review editor with mount() and logs every event of
// both editors. Handles are kept on window.kehoachPortal for the console.
import { mount } from '../dist/kehoach.js';

/** A plan a ward sent up for review (JSON v1, as the editor exports it). */
const PLAN_FROM_WARD = {
  "format": "kehoach",
  "version": 1,
  "kind": "plan",
  "profile": "state",
  "header": {
    "issuing_body": "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG AN",
    "body_code": "UBND",
    "symbol": "KH-UBND",
    "place": "Hồng An",
    "date": "2026",
    "subject": "Triển khai công tác chuyển đổi số năm 2026"
  },
  "body": [
    {
      "kind": "heading",
      "text": "MỤC ĐÍCH, YÊU CẦU",
      "children": [
        {
          "kind": "heading",
          "text": "Mục đích",
          "children": [
            {
              "kind": "heading",
              "text": "Xác định cụ thể nội dung công việc, nhiệm vụ, tiến độ thực hiện và trách nhiệm của các cơ quan, đơn vị trong việc triển khai thực hiện Kế hoạch."
            },
            {
              "kind": "heading",
              "text": "Nâng cao nhận thức và trách nhiệm của các cơ quan, đơn vị và Nhân dân trên địa bàn phường."
            }
          ]
        },
        {
          "kind": "heading",
          "text": "Yêu cầu",
          "children": [
            {
              "kind": "heading",
              "text": "Nội dung, nhiệm vụ cụ thể phải phù hợp với chức năng, nhiệm vụ được giao; gắn với trách nhiệm, vai trò của các cơ quan, đơn vị (trách nhiệm chủ trì, phối hợp trong triển khai, thực hiện)."
            },
            {
              "kind": "heading",
              "text": "Thường xuyên kiểm tra, đôn đốc, hướng dẫn kịp thời những khó khăn, vướng mắc trong quá trình tổ chức triển khai, thực hiện."
            }
          ]
        }
      ]
    },
    {
      "kind": "heading",
      "text": "NỘI DUNG",
      "children": [
        {
          "kind": "task",
          "text": "Tổ chức quán triệt, thông tin, tuyên truyền nội dung Kế hoạch",
          "task": {
            "lead": [
              "phong_van_hoa_xa_hoi"
            ],
            "implementers": [
              "cac_co_quan_don_vi"
            ],
            "form": "Ban hành các văn bản triển khai thực hiện, tổ chức hội nghị quán triệt; lồng ghép vào các cuộc họp giao ban công việc hoặc các hình thức khác phù hợp.",
            "timeframe": "regular"
          }
        }
      ]
    },
    {
      "kind": "heading",
      "text": "KINH PHÍ THỰC HIỆN",
      "children": [
        {
          "kind": "paragraph",
          "text": "Kinh phí thực hiện do ngân sách nhà nước bảo đảm theo phân cấp và các nguồn kinh phí hợp pháp khác theo quy định của pháp luật."
        }
      ]
    },
    {
      "kind": "heading",
      "text": "TỔ CHỨC THỰC HIỆN",
      "children": [
        {
          "kind": "duty",
          "text": "Các cơ quan, đơn vị thuộc phường",
          "agencies": [
            "cac_co_quan_don_vi"
          ],
          "children": [
            {
              "kind": "paragraph",
              "text": "Căn cứ chức năng, nhiệm vụ được giao, chủ động triển khai thực hiện Kế hoạch này; định kỳ báo cáo kết quả về Ủy ban nhân dân phường (qua Phòng Văn hóa - Xã hội) để tổng hợp."
            }
          ]
        },
        {
          "kind": "duty",
          "text": "Phòng Văn hóa - Xã hội",
          "agencies": [
            "phong_van_hoa_xa_hoi"
          ],
          "children": [
            {
              "kind": "paragraph",
              "text": "Theo dõi, đôn đốc, kiểm tra việc triển khai thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân phường theo quy định."
            }
          ]
        }
      ]
    },
    {
      "kind": "paragraph",
      "text": "Trong quá trình thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Ủy ban nhân dân phường (qua Phòng Văn hóa - Xã hội) để tổng hợp, báo cáo, xem xét, chỉ đạo./."
    }
  ],
  "agencies": [
    {
      "id": "cac_co_quan_don_vi",
      "name": "Các cơ quan, đơn vị thuộc phường",
      "level": "group"
    },
    {
      "id": "phong_van_hoa_xa_hoi",
      "name": "Phòng Văn hóa - Xã hội",
      "short_name": "VHXH",
      "level": "ward"
    }
  ],
  "recipients": {
    "items": [
      "Thường trực Đảng ủy - HĐND phường",
      "CT, các PCT UBND phường",
      "Các phòng, ban, ngành, đoàn thể, đơn vị thuộc phường"
    ],
    "archive": "VT, VHXH"
  },
  "signature": {
    "lines": [
      {
        "prefix": "tm",
        "text": "ỦY BAN NHÂN DÂN"
      },
      {
        "text": "CHỦ TỊCH"
      }
    ],
    "name": "Nguyễn Hữu Thanh"
  },
  "settings": {
    "tone_style": "classic",
    "font_size": 14,
    "numbering": [
      "upper_roman",
      "arabic",
      "lower_alpha",
      "dash",
      "plus"
    ]
  }
};

const log = [];
const list = document.getElementById('nhat-ky');

/** One line of the log: which editor, which event, and what it carried. */
function record(editor, type, detail) {
  log.push({ editor, type, detail });
  const li = document.createElement('li');
  li.dataset.editor = editor;
  li.dataset.event = type;
  li.className = `portal-log-${type}`;
  li.textContent = `${new Date().toLocaleTimeString('vi-VN')} · ${editor} · ${type}: ${summary(type, detail)}`;
  list.prepend(li);
}

function counts(report) {
  return `${report.errors} lỗi, ${report.warnings} cảnh báo, ${report.infos} gợi ý`;
}

function summary(type, detail) {
  switch (type) {
    case 'change':
    case 'getDocument': return `«${detail.header?.subject ?? ''}» (${JSON.stringify(detail).length} ký tự JSON)`;
    case 'validate': return counts(detail);
    case 'export': {
      const size = typeof detail.content === 'string' ? `${detail.content.length} ký tự` : `${detail.content.byteLength} byte`;
      return `${detail.format} ${detail.filename || ''} (${size})`;
    }
    case 'submit': return `nhận văn bản «${detail.document.header.subject}» — ${counts(detail.report)}`;
    case 'error': return detail.message;
    default: return '';
  }
}

// 1. The <kehoach-editor> element: its events are DOM events on the element.
const writer = document.getElementById('soan-thao');
for (const type of ['change', 'validate', 'export', 'submit', 'error']) {
  writer.addEventListener(type, (ev) => record('soan-thao', type, ev.detail));
}
// Allowing submission with errors is an attribute like the others.
document.getElementById('cho-phep-loi').addEventListener('change', (ev) => {
  writer.toggleAttribute('allow-submit-with-errors', ev.target.checked);
});

// 2. A read-only review editor mounted with mount(): events through callbacks.
const reviewer = await mount(document.getElementById('duyet'), {
  document: PLAN_FROM_WARD,
  readOnly: true,
  locale: 'vi',
  exports: ['docx', 'text', 'print'],
  storage: false,
  onChange: (doc) => record('duyet', 'change', doc),
  onValidate: (report) => record('duyet', 'validate', report),
  onExport: (file) => record('duyet', 'export', file),
});
document.getElementById('duyet-kiem-tra').addEventListener('click', () => {
  record('duyet', 'validate', reviewer.validate());
});
document.getElementById('duyet-lay-json').addEventListener('click', () => {
  record('duyet', 'getDocument', reviewer.getDocument());
});

window.kehoachPortal = { log, writer, reviewer };
