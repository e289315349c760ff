//! «Hướng dẫn»: a short guide to the editor, opened from the toolbar on
//! every screen (the template gallery included). Its text loads on first use
//! (a part of its own, see `later.rs`), so the first load does not carry it.

use leptos::prelude::*;

use super::state::editor;

/// One step of the guide: a heading and what to do (Vietnamese, English).
type Step = (&'static str, &'static str, &'static str, &'static str);

const STEPS: [Step; 7] = [
    (
        "1. Bắt đầu",
        "1. Start",
        "Chọn một mẫu trong «Bắt đầu từ một mẫu», điền các thông tin của đơn vị rồi bấm «Tạo kế hoạch». Cũng có thể bắt đầu từ «Văn bản trống», mở một tệp Word (.docx) hay một tệp JSON đã lưu, hoặc dán cả văn bản.",
        "Choose a template under «Start from a template», fill in your unit's facts and press «Create the plan». You can also start from an empty document, open a Word (.docx) or a saved JSON file, or paste a whole plan.",
    ),
    (
        "2. Soạn",
        "2. Write",
        "Mỗi thẻ là một phần của văn bản: Phần đầu, Nội dung, Phụ lục, Cơ quan, Nơi nhận và chữ ký. Số thứ tự (I., 1., a), -) tự đánh theo vị trí: không gõ số vào chữ. Dòng chữ xám dưới ô nói cần ghi gì.",
        "Each tab is a part of the document: header, content, appendices, agencies, recipients and signature. Numbers (I., 1., a), -) follow from position: do not type them. The grey line under a field says what goes in it.",
    ),
    (
        "3. Cơ quan",
        "3. Agencies",
        "Gõ vài chữ của tên hoặc tên viết tắt (có dấu hay không đều được) rồi chọn trong danh sách. Một cơ quan mới chỉ được thêm khi chọn «Thêm «…» vào danh mục».",
        "Type part of a name or short name (accents optional) and choose from the list. A new agency is added only when you choose «Add «…» to the directory».",
    ),
    (
        "4. Phụ lục",
        "4. Appendices",
        "Dán các dòng chép từ Excel hoặc Word vào một ô của bảng: các cột được xếp theo tiêu đề, cột STT tự đánh số.",
        "Paste rows copied from Excel or Word into a cell: columns are matched by their titles, the STT column numbers itself.",
    ),
    (
        "5. Kiểm tra",
        "5. Check",
        "Bảng «Kiểm tra văn bản» bên phải liệt kê lỗi, cảnh báo và gợi ý theo Nghị định 30/2020/NĐ-CP. Bấm vào một mục để đến chỗ cần sửa, hoặc nhấn F8 (Alt+K) để đến vấn đề tiếp theo; nút «Sửa tự động» chỉ có khi cách sửa là chắc chắn.",
        "The «Checks» panel on the right lists errors, warnings and notes under Decree 30/2020. Select one to go to its place, or press F8 (Alt+K) for the next problem; «Fix» appears only when the fix is certain.",
    ),
    (
        "6. Lưu",
        "6. Save",
        "Bản nháp tự lưu trong trình duyệt này (xem «Các bản nháp»). Trên máy dùng chung, đánh dấu «Máy dùng chung» để không để lại gì khi đóng thẻ. «Tải JSON» để chép sang máy khác và mở lại bằng «Nhập JSON…».",
        "Drafts save themselves in this browser (see «Drafts»). On a shared computer, tick «Shared computer» to leave nothing when the tab closes. «Download JSON» to move a plan to another computer and open it with «Import JSON…».",
    ),
    (
        "7. Xuất",
        "7. Export",
        "«Tải .docx» cho Word (trình bày theo Nghị định 30), «In» cho bản giấy, «Sao chép để dán vào Word» để dán vào một văn bản đang mở. Ctrl+Z hoàn tác, Ctrl+Y làm lại.",
        "«Download .docx» for Word (laid out as Decree 30 asks), «Print» for paper, «Copy for Word» to paste into an open document. Ctrl+Z undoes, Ctrl+Y redoes.",
    ),
];

/// The guide, with a button that closes it.
#[component]
pub fn Guide(open: RwSignal<bool>) -> impl IntoView {
    let ed = editor();
    view! {
        <section class="kh-guide" aria-labelledby="kh-guide-h">
            <h2 id="kh-guide-h">{move || ed.tr("Hướng dẫn nhanh", "Quick guide")}</h2>
            {STEPS
                .iter()
                .map(|&(hv, he, tv, te)| {
                    view! {
                        <h3>{move || ed.tr(hv, he)}</h3>
                        <p>{move || ed.tr(tv, te)}</p>
                    }
                })
                .collect_view()}
            <button
                type="button"
                on:click=move |_| {
                    open.set(false);
                    ed.focus_later("kh-guide-button".into());
                }
            >
                {move || ed.tr("Đóng hướng dẫn", "Close the guide")}
            </button>
        </section>
    }
}
