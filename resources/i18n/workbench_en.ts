<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnswerBox</name>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="116"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="117"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="118"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>BriefExporter</name>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="34"/>
        <source>导出 PDF 简报(&amp;B)…</source>
        <translation>Export PDF &amp;brief…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="40"/>
        <source>打印简报(&amp;P)…</source>
        <translation>&amp;Print brief…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="45"/>
        <source>PDF 简报字体…</source>
        <translation>PDF brief fonts…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="144"/>
        <source>检索简报</source>
        <translation>Search brief</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="145"/>
        <source>简报收入哪些检索结果？</source>
        <translation>Which search results should the brief include?</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="149"/>
        <source>全部 {0} 条</source>
        <translation>All {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="152"/>
        <source>选中的 {0} 条</source>
        <translation>The {0} selected</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="184"/>
        <source>没有可导出的内容：请先打开文件、检索条款或选择申报</source>
        <translation>Nothing to export: open a document, search clauses or choose an application first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="200"/>
        <source>正在生成 PDF 简报…</source>
        <translation>Generating PDF brief…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="206"/>
        <source>已取消生成简报</source>
        <translation>Brief generation cancelled</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="222"/>
        <source>未能生成简报</source>
        <translation>Could not generate the brief</translation>
    </message>
</context>
<context>
    <name>BriefPreviewDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="78"/>
        <source>简报预览：{0}</source>
        <translation>Brief preview: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="89"/>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="90"/>
        <source>另存为(&amp;S)…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="92"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="94"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="117"/>
        <source>保存 PDF 简报</source>
        <translation>Save PDF brief</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="117"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="126"/>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="126"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="130"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="144"/>
        <source>打印简报</source>
        <translation>Print brief</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="160"/>
        <source>未能打印</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_preview.py" line="160"/>
        <source>打印机无法开始打印。</source>
        <translation>The printer could not start printing.</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="313"/>
        <source>已保存的申报</source>
        <translation>Saved applications</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="316"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="317"/>
        <source>导入文件(&amp;O)…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="318"/>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1083"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="319"/>
        <source>导出(&amp;X)…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="320"/>
        <source>历史版本(&amp;R)…</source>
        <translation>&amp;Revisions…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="321"/>
        <source>评估过程(&amp;G)…</source>
        <translation>Evaluation lo&amp;g…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="322"/>
        <source>PDF 申报材料…</source>
        <translation>PDF dossier…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="323"/>
        <source>为当前内容生成 PDF 简报，预览后保存或打印（Ctrl+E）</source>
        <translation>Make a PDF brief of what is shown, preview it, then save or print (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="327"/>
        <source>评估日期</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="333"/>
        <source>申报：</source>
        <translation>Application:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="336"/>
        <source>评估日期：</source>
        <translation>Evaluation date:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="355"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="360"/>
        <source>申报名称</source>
        <translation>Application name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="363"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="365"/>
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="402"/>
        <source>奖补事项（按条款）</source>
        <translation>Awards (by clause)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="402"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="402"/>
        <source>最高</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="402"/>
        <source>计入</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="409"/>
        <source>奖补事项</source>
        <translation>Awards</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="491"/>
        <source>保存为新版本（Ctrl+S）</source>
        <translation>Save as a new revision (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="494"/>
        <source>回到奖补事项：Ctrl+L；Enter 申报所选事项或进入其表单；Ctrl+Enter 再申报一项；Tab 进入条件和证明材料</source>
        <translation>Back to the awards: Ctrl+L; Enter applies for the selected award or opens its form; Ctrl+Enter adds another claim; Tab moves to the conditions and evidence</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="501"/>
        <source>新的申报</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="769"/>
        <source>〔{0}〕{1}</source>
        <translation>[{0}] {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="789"/>
        <source>申报此项(&amp;A)</source>
        <translation>&amp;Apply for this award</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="790"/>
        <source>申报此项（Enter 或 Ctrl+Enter）</source>
        <translation>Apply for this award (Enter or Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="870"/>
        <source>申报 {0}</source>
        <translation>Claim {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="927"/>
        <source>非资金</source>
        <translation>Non-cash</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="925"/>
        <source>融资支持</source>
        <translation>Financing</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="329"/>
        <source>预测</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="331"/>
        <source>把评估日之后的日期（尚未取得的批件等）按预计取得计入；不勾选时这些事项为待补充</source>
        <translation>Count dates after the evaluation date (approvals not yet obtained, etc.) as expected to be obtained; when cleared, these items need information</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="394"/>
        <source>解读：{0}</source>
        <translation>Interpretation: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="430"/>
        <source>试算对比（与原申报比较）</source>
        <translation>Trial calculation (compared with the original application)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="435"/>
        <source>申报</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="435"/>
        <source>改动</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="435"/>
        <source>原申报</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="435"/>
        <source>试算</source>
        <translation>Trial</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="435"/>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="445"/>
        <source>增减</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="440"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="441"/>
        <source>原申报·上限前</source>
        <translation>Original · before cap</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="442"/>
        <source>原申报·上限后</source>
        <translation>Original · after cap</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="443"/>
        <source>试算·上限前</source>
        <translation>Trial · before cap</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="444"/>
        <source>试算·上限后</source>
        <translation>Trial · after cap</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="596"/>
        <source>奖补合计（适用上限后）：原申报 {0}，试算 {1}，{2} {3}</source>
        <translation>Award total (after caps): original {0}, trial {1}, {2} {3}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="599"/>
        <source>增加</source>
        <translation>up</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="599"/>
        <source>减少</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="603"/>
        <source>；另改了：{0}</source>
        <translation>; also changed: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="613"/>
        <source>比例未定，最高 {0}</source>
        <translation>Share not stated, maximum {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="626"/>
        <source>受其他改动影响</source>
        <translation>Affected by other changes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="634"/>
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="646"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="663"/>
        <source>适用每年上限</source>
        <translation>Annual cap applied</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="779"/>
        <source>解读：{0}〔{1}〕</source>
        <translation>Interpretation: {0} [{1}]</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="932"/>
        <source>比例未定</source>
        <translation>Share not stated</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="939"/>
        <source>比例未定，最高 {0}（只列上限，不计入合计）</source>
        <translation>Share not stated, maximum {0} (cap shown only; not counted in the total)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="946"/>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1000"/>
        <source>{0} 年 {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="951"/>
        <source>最高 {0}{1}，计入 {2}{3}</source>
        <translation>Maximum {0}{1}, counted {2}{3}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="960"/>
        <source>融资支持，额度上限 {0}（不计入奖补合计）</source>
        <translation>Financing support, limit {0} (not counted in the award total)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="984"/>
        <source>资金来源：{0}</source>
        <translation>Funded by: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="987"/>
        <source>● 未保存</source>
        <translation>● Unsaved</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="992"/>
        <source>合计：0 元。</source>
        <translation>Total: 0 yuan. </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1003"/>
        <source>（合计 {0}，超过每年 {1} 上限〔{2}〕）</source>
        <translation> (total {0} exceeds the annual cap of {1} [{2}])</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1009"/>
        <source>，另待补充 {0}</source>
        <translation>, plus {0} pending information</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1011"/>
        <source>，另有比例未定、最高 {0}（不计入）</source>
        <translation>, plus up to {0} with share not stated (not counted)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1014"/>
        <source>奖补合计 {0}</source>
        <translation>Award total {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1016"/>
        <source>【预测】</source>
        <translation>[Forecast] </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1018"/>
        <source>（每年上限 {0}）</source>
        <translation> (annual cap {0})</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1044"/>
        <source>（未保存的新申报）</source>
        <translation>(new application, not saved)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1046"/>
        <source>{0}（第 {1} 版）</source>
        <translation>{0} (revision {1})</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1078"/>
        <source>“{0}”有未保存的修改，先保存吗？</source>
        <translation>“{0}” has unsaved changes. Save them first?</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1078"/>
        <source>新申报</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1084"/>
        <source>不保存(&amp;D)</source>
        <translation>&amp;Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1085"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1119"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1122"/>
        <source>无法保存：{0}</source>
        <translation>Cannot save: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1128"/>
        <source>无法保存：此申报已在别处保存为第 {0} 版（本窗口打开的是第 {1} 版）。请记下修改，重新打开后再改。</source>
        <translation>Cannot save: this application has been saved elsewhere as revision {0} (this window opened revision {1}). Note your changes, reopen it and make them again.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1144"/>
        <source>导入申报文件</source>
        <translation>Import application file</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1144"/>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1165"/>
        <source>申报文件 (*.json)</source>
        <translation>Application files (*.json)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1152"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1163"/>
        <source>导出申报文件</source>
        <translation>Export application file</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1175"/>
        <source>无法导出：{0}</source>
        <translation>Cannot export: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1178"/>
        <source>选择证明材料文件</source>
        <translation>Choose evidence file</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1190"/>
        <source>无法附加文件：{0}</source>
        <translation>Cannot attach the file: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1201"/>
        <source>无法移除文件：{0}</source>
        <translation>Cannot remove the file: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1206"/>
        <source>新申报还没有保存过。</source>
        <translation>The new application has not been saved yet.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1224"/>
        <source>评估过程</source>
        <translation>Evaluation log</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1077"/>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1253"/>
        <source>申报核对</source>
        <translation>Application check</translation>
    </message>
</context>
<context>
    <name>ClaimForm</name>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1267"/>
        <source>同一产品或项目在各项中填写相同名称</source>
        <translation>Use the same name for the same product or project in every claim</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1269"/>
        <source>注册证或批件编号：据此识别同一产品</source>
        <translation>Registration certificate or approval number: identifies the same product</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1273"/>
        <source>留空按上限；可写 300万</source>
        <translation>Leave empty for the maximum; 300万 is accepted</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1275"/>
        <source>计入合计（取消勾选可试算不申报此项）</source>
        <translation>Count in total (clear to see the total without this claim)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1278"/>
        <source>同一项目的其他政策</source>
        <translation>Other policies for the same project</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1278"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1286"/>
        <source>添加其他政策</source>
        <translation>Add other policy</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1288"/>
        <source>删除此项申报</source>
        <translation>Remove this claim</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1292"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1300"/>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1305"/>
        <source>申报事项</source>
        <translation>Award claimed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1306"/>
        <source>产品/项目</source>
        <translation>Product/project</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1307"/>
        <source>注册证编号</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1308"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1310"/>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1377"/>
        <source>申请金额</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1312"/>
        <source>申请额度</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1373"/>
        <source>日期应为 YYYY-MM-DD 且真实存在：{0}</source>
        <translation>The date must be a real date in YYYY-MM-DD form: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1383"/>
        <source>{0}应为不小于 0 的金额：{1}</source>
        <translation>{0} must be an amount of 0 or more: {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1393"/>
        <source>其他政策金额应为不小于 0 的金额：{0}</source>
        <translation>The other policy&apos;s amount must be 0 or more: {0}</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="198"/>
        <source>〔{0}〕{1}</source>
        <translation>[{0}] {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="207"/>
        <source>解读：{0}</source>
        <translation>Interpretation: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="218"/>
        <source>证明材料说明：{0}</source>
        <translation>Evidence note: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="219"/>
        <source>证明材料说明</source>
        <translation>Evidence note</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="220"/>
        <source>附加文件…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="223"/>
        <source>移除文件…</source>
        <translation>Remove file…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="245"/>
        <source>✔ 材料已有</source>
        <translation>✔ Evidence provided</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="245"/>
        <source>✘ 材料缺少</source>
        <translation>✘ Evidence missing</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="250"/>
        <source>{0}（文件缺失）</source>
        <translation>{0} (file missing)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1420"/>
        <source>历史版本</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1426"/>
        <source>第 {0} 版&#x3000;{1}&#x3000;{2}</source>
        <translation>Revision {0}&#x3000;{1}&#x3000;{2}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1435"/>
        <source>恢复此版本</source>
        <translation>Restore this revision</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="920"/>
        <source>导入预览：{0}</source>
        <translation>Import preview: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="929"/>
        <source>替换已有数值（同一指标同一期间已有数值时）</source>
        <translation>Replace existing values (where the indicator already has a value for the period)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="930"/>
        <source>填报人（可选）</source>
        <translation>Entered by (optional)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="932"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="933"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="957"/>
        <source>文件中有 {0} 处错误，改正后才能导入（不会导入任何数据）：</source>
        <translation>The file has {0} errors; correct them before importing (nothing has been imported):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="962"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="962"/>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="986"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="962"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="962"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="962"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="979"/>
        <source>将导入观测值 {0} 条（其中替换 {1} 条）、指标 {2} 个。</source>
        <translation>Will import {0} observations ({1} replacing existing values) and {2} indicators.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="986"/>
        <source>指标编号</source>
        <translation>Indicator ID</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="986"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="986"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="986"/>
        <source>原值</source>
        <translation>Previous value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="999"/>
        <source>（新指标）</source>
        <translation>(new indicator)</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1028"/>
        <source>编辑指标</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1028"/>
        <source>新建指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1037"/>
        <source>仅区间目标填写</source>
        <translation>Range targets only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1038"/>
        <source>如 2025 或 2023-12-31</source>
        <translation>e.g. 2025 or 2023-12-31</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1039"/>
        <source>每年目标（无期限）</source>
        <translation>Annual target (no deadline)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1041"/>
        <source>未注明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1044"/>
        <source>可选</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1045"/>
        <source>如 2022</source>
        <translation>e.g. 2022</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1046"/>
        <source>修改人（记入变更记录）</source>
        <translation>Changed by (recorded in the change log)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1065"/>
        <source>指标名称</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1066"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1067"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1068"/>
        <source>比较方式</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1069"/>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1070"/>
        <source>目标上限</source>
        <translation>Target upper bound</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1071"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1072"/>
        <source>每年</source>
        <translation>Annual</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1073"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1074"/>
        <source>基期值</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1075"/>
        <source>基期</source>
        <translation>Baseline period</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1079"/>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1082"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="1083"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="103"/>
        <source>审核目标建议…</source>
        <translation>Review proposed targets…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="104"/>
        <source>从所选文件的条文中提取量化目标，逐条采纳、修改或不采纳</source>
        <translation>Extract quantified targets from the selected document&apos;s clauses and accept, edit or reject each one</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="105"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="106"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="107"/>
        <source>PDF 报告…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="108"/>
        <source>为当前内容生成 PDF 简报，预览后保存或打印（Ctrl+E）</source>
        <translation>Make a PDF brief of what is shown, preview it, then save or print (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="145"/>
        <source>查看原文条款</source>
        <translation>Show source clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="146"/>
        <source>在阅读区打开该指标出自的条款</source>
        <translation>Open the clause this indicator comes from in the reader</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="147"/>
        <source>编辑指标…</source>
        <translation>Edit indicator…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="148"/>
        <source>修改名称、目标值、期限，或设定基期值</source>
        <translation>Change the name, target or deadline, or set a baseline value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="149"/>
        <source>新建指标…</source>
        <translation>New indicator…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="171"/>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="258"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="171"/>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="188"/>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="259"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="171"/>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="260"/>
        <source>来源说明</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="171"/>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="261"/>
        <source>填报人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="179"/>
        <source>双击一行可把该期数值填入下方表单修改</source>
        <translation>Double-click a row to load that period&apos;s value into the form below for correction</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="180"/>
        <source>修改所选数值</source>
        <translation>Correct selected value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="182"/>
        <source>把所选一期的数值填入下方表单，改正后点“记录”替换（记入变更记录）</source>
        <translation>Load the selected period&apos;s value into the form below; after correcting it, click “Record” to replace it (recorded in the change log)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="184"/>
        <source>删除所选数值…</source>
        <translation>Delete selected value…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="185"/>
        <source>删除录错的一期数值（删除前的数值记入变更记录）</source>
        <translation>Delete a wrongly entered value (the deleted value is kept in the change log)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="187"/>
        <source>如 2024、2024-06、2024-Q2</source>
        <translation>e.g. 2024, 2024-06, 2024-Q2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="189"/>
        <source>如 统计公报、部门报送</source>
        <translation>e.g. statistical bulletin, department report</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="191"/>
        <source>替换该期间已有数值</source>
        <translation>Replace the existing value for this period</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="192"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="230"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="231"/>
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="232"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="233"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="234"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="235"/>
        <source>评估日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="333"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="347"/>
        <source>每年</source>
        <translation>Annual</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="347"/>
        <source>未定期限</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="351"/>
        <source>未注明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="387"/>
        <source>显示 {0} / {1} 个指标</source>
        <translation>Showing {0} of {1} indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="435"/>
        <source>未选择指标</source>
        <translation>No indicator selected</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="456"/>
        <source>（手工录入的指标，没有原文）</source>
        <translation>(entered by hand; no source text)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="475"/>
        <source>尚无观测值。在下方录入实际完成值后即可评估进度。</source>
        <translation>No observations yet. Enter actual values below to assess progress.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="477"/>
        <source>目标期限已过，但尚无观测值，无法判断是否实现。请在下方录入实际完成值。</source>
        <translation>The deadline has passed but there are no observations, so achievement cannot be assessed. Enter actual values below.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="479"/>
        <source>只有一期数据，尚无法计算增长；请再录入一期或设定基期值。</source>
        <translation>Only one period of data: growth cannot be calculated yet. Enter another period or set a baseline value.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="483"/>
        <source>最新值 {0}（{1}）</source>
        <translation>Latest value {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="496"/>
        <source>自基期 {0} 以来实际年均增长 {1}，按期实现目标需年均增长 {2}（比值 {3:.2f}）。</source>
        <translation>Actual average annual growth since the {0} baseline: {1}; needed to meet the target on time: {2} (ratio {3:.2f}).</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="512"/>
        <source>同口径指标：{0}</source>
        <translation>Comparable indicators: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="518"/>
        <source>实际值</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="524"/>
        <source>目标路径</source>
        <translation>Target path</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="531"/>
        <source>目标值</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="539"/>
        <source>暂无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="590"/>
        <source>正在修改 {0} 的数值：改正后点“记录”替换原值 {1}。</source>
        <translation>Correcting the value for {0}: click “Record” to replace the previous value {1}.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="604"/>
        <source>删除数值</source>
        <translation>Delete value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="606"/>
        <source>删除“{0}”{1} 的数值 {2}{3}？</source>
        <translation>Delete the value {2}{3} of “{0}” for {1}?</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="610"/>
        <source>删除会记入变更记录（含原值和删除人）。</source>
        <translation>The deletion is recorded in the change log (with the old value and who deleted it).</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="611"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="612"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="657"/>
        <source>期间：{0}</source>
        <translation>Period: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="665"/>
        <source>数值：请填写数字（如 3500 或 12.5）</source>
        <translation>Value: enter a number (e.g. 3500 or 12.5)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="624"/>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="678"/>
        <source>期间 {0}：{1}</source>
        <translation>Period {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="102"/>
        <source>约束性指标是必须完成的硬任务，预期性指标是引导方向</source>
        <translation>Binding targets are commitments that must be met; expected targets set the direction</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="697"/>
        <source>审核目标建议</source>
        <translation>Review proposed targets</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="698"/>
        <source>从哪个文件提取目标？</source>
        <translation>Which document should targets be extracted from?</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="716"/>
        <source>导入观测值或指标</source>
        <translation>Import observations or indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="716"/>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="732"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="740"/>
        <source>导出指标和观测值</source>
        <translation>Export indicators and observations</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="742"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 观测值 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV observations (*.csv)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="756"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="35"/>
        <source>筛选：标题、文号、机关、地区</source>
        <translation>Filter: title, document number, issuer, region</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="61"/>
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="61"/>
        <source>文号</source>
        <translation>Doc. number</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="61"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="61"/>
        <source>效力</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="71"/>
        <source>未注明地区</source>
        <translation>Region not stated</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="93"/>
        <source>无文号</source>
        <translation>no number</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="98"/>
        <source>被 {0} 废止</source>
        <translation>Repealed by {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="79"/>
        <source>政策工作台</source>
        <translation>Policy Workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="113"/>
        <source>阅读</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="85"/>
        <source>文库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="86"/>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="91"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="93"/>
        <source>正在打开文库…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="121"/>
        <source>申报核对</source>
        <translation>Application check</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="125"/>
        <source>指标跟踪</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="130"/>
        <source>任务分工</source>
        <translation>Task ledger</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="160"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="162"/>
        <source>导入文件(&amp;I)…</source>
        <translation>&amp;Import documents…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="167"/>
        <source>重建检索索引</source>
        <translation>Rebuild search index</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="169"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="180"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="181"/>
        <source>检索(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="184"/>
        <source>复制条款及出处</source>
        <translation>Copy clause with citation</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="199"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="201"/>
        <source>设置(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="202"/>
        <location filename="../../workbench/ui/main_window.py" line="327"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="209"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="210"/>
        <location filename="../../workbench/ui/main_window.py" line="334"/>
        <source>关于政策工作台</source>
        <translation>About Policy Workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="235"/>
        <source>导入政策文件</source>
        <translation>Import policy documents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="237"/>
        <source>政策文件 (*.txt *.docx *.pdf *.xlsx);;所有文件 (*)</source>
        <translation>Policy documents (*.txt *.docx *.pdf *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="247"/>
        <source>请等待当前任务完成</source>
        <translation>Please wait for the current task to finish</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="250"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="265"/>
        <source>已导入 {0} 个文件</source>
        <translation>Imported {0} file(s)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="267"/>
        <source>，取消了 {0} 个</source>
        <translation>, {0} cancelled</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="273"/>
        <source>部分文件未导入</source>
        <translation>Some files were not imported</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="283"/>
        <source>正在建立检索索引…</source>
        <translation>Building the search index…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="284"/>
        <source>检索索引已就绪</source>
        <translation>Search index ready</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="316"/>
        <source>任务失败</source>
        <translation>Task failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="316"/>
        <source>任务未能完成：{0}</source>
        <translation>The task could not finish: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="321"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="327"/>
        <source>重新启动后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="335"/>
        <source>政策工作台：离线阅读、检索和使用产业政策文件。

数据文件夹：{0}</source>
        <translation>Policy Workbench: read, search and use industrial-policy documents offline.

Data folder: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="357"/>
        <source>文库共 {0} 份文件</source>
        <translation>{0} documents in the library</translation>
    </message>
</context>
<context>
    <name>MultiChoice</name>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="143"/>
        <source>其他（用、分隔）</source>
        <translation>Other (separate with 、)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="144"/>
        <source>{0}：其他</source>
        <translation>{0}: other</translation>
    </message>
</context>
<context>
    <name>PdfSettingsDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="38"/>
        <source>PDF 简报字体</source>
        <translation>PDF brief fonts</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="42"/>
        <source>自选字体文件（TrueType .ttf/.ttc；留空则使用系统或内置字体）</source>
        <translation>Your own font files (TrueType .ttf/.ttc; leave empty to use system or bundled fonts)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="47"/>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="49"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="51"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="61"/>
        <source>用途</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="61"/>
        <source>采用的字体</source>
        <translation>Font used</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="61"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="73"/>
        <source>各用途实际采用的字体：</source>
        <translation>Fonts actually used for each role:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="87"/>
        <source>选择字体文件</source>
        <translation>Choose font file</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="89"/>
        <source>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC);;所有文件 (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc *.TTF *.TTC);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="116"/>
        <source>未采用 {0}：{1}</source>
        <translation>{0} not used: {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="120"/>
        <source>自选字体 {0}</source>
        <translation>Your font {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="122"/>
        <source>系统字体 {0}</source>
        <translation>System font {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/pdf_settings.py" line="124"/>
        <source>内置字体；未找到 {0}，以此代替</source>
        <translation>Bundled font; {0} not found</translation>
    </message>
</context>
<context>
    <name>ProposalsDialog</name>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="770"/>
        <source>审核目标建议</source>
        <translation>Review proposed targets</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="778"/>
        <source>指标名称</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="779"/>
        <source>目标值</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="780"/>
        <source>上限</source>
        <translation>Upper bound</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="781"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="782"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="783"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="784"/>
        <source>基期值</source>
        <translation>Base value</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="785"/>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="786"/>
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="798"/>
        <source>采纳所选</source>
        <translation>Accept selected</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="799"/>
        <source>不采纳所选</source>
        <translation>Reject selected</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="800"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="824"/>
        <source>每年</source>
        <translation>Annual</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="828"/>
        <source>{0}（{1}年）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="837"/>
        <source>约束性或预期性；留空表示文件未注明</source>
        <translation>Binding or expected; leave empty if the document does not say</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="843"/>
        <source>从文件中提取到 {0} 条尚未处理的量化目标。可直接在表格中修改名称、目标值、单位和期限，再采纳；补助上限和门槛值不会列为目标。</source>
        <translation>{0} unreviewed quantified targets were extracted from the document. You can edit the name, target, unit and deadline in the table before accepting; subsidy caps and thresholds are not listed as targets.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="847"/>
        <source>这个文件没有尚未处理的目标建议。</source>
        <translation>This document has no unreviewed target proposals.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="889"/>
        <source>请先选择要处理的行。</source>
        <translation>Select the rows to process first.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/indicators_panel.py" line="902"/>
        <source>第 {0} 行（{1}）：{2}</source>
        <translation>Row {0} ({1}): {2}</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="60"/>
        <source>复制条款及出处</source>
        <translation>Copy clause with citation</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="62"/>
        <source>PDF 摘要…</source>
        <translation>PDF summary…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="63"/>
        <source>为当前内容生成 PDF 简报，预览后保存或打印（Ctrl+E）</source>
        <translation>Make a PDF brief of what is shown, preview it, then save or print (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="98"/>
        <source>在左侧文库中选择一份文件</source>
        <translation>Choose a document in the library on the left</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="140"/>
        <source>文件头</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="140"/>
        <source>落款</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="180"/>
        <source>责任单位</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="194"/>
        <source>［文库中无此文件］</source>
        <translation> [not in the library]</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="98"/>
        <source>检索条款：词语、&quot;短语&quot;、OR、-排除</source>
        <translation>Search clauses: words, &quot;phrases&quot;, OR, -exclude</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="101"/>
        <source>全部层级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="106"/>
        <source>全部效力</source>
        <translation>Any validity</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="117"/>
        <source>效力日期</source>
        <translation>Validity on</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="118"/>
        <source>按所选日期判断效力（默认今天）</source>
        <translation>Judge validity on the chosen day (default: today)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="152"/>
        <source>检索记录</source>
        <translation>Search history</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="153"/>
        <source>保存检索、重新运行已保存的检索、最近检索、同义词</source>
        <translation>Save searches, rerun saved searches, recent searches, synonyms</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="172"/>
        <source>PDF 简报…</source>
        <translation>PDF brief…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="173"/>
        <source>所示检索结果（或选中的几条）生成 PDF 简报</source>
        <translation>Make a PDF brief of the hits shown (or of the selected ones)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="205"/>
        <source>全部地区</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="207"/>
        <source>全部文件</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="209"/>
        <source>全部发文机关</source>
        <translation>All issuers</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="212"/>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="212"/>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="262"/>
        <source>找到 {0} 条</source>
        <translation>{0} found</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="264"/>
        <source>没有找到匹配的条款</source>
        <translation>No matching clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="267"/>
        <source>（{0} 条包含全部检索词）</source>
        <translation> ({0} contain all search terms)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="269"/>
        <source>；自上次运行以来新增 {0} 条</source>
        <translation>; {0} new since last run</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="274"/>
        <source>您是不是要找：{0}</source>
        <translation>Did you mean: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="294"/>
        <source>保存此检索…</source>
        <translation>Save this search…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="298"/>
        <source>已保存的检索</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="302"/>
        <source>删除已保存的检索</source>
        <translation>Delete saved search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="308"/>
        <source>最近检索</source>
        <translation>Recent searches</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="311"/>
        <source>清除检索历史</source>
        <translation>Clear search history</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="313"/>
        <source>同义词…</source>
        <translation>Synonyms…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="318"/>
        <source>{0} 个文件</source>
        <translation>{0} documents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="324"/>
        <location filename="../../workbench/ui/panels/search_panel.py" line="339"/>
        <source>保存检索</source>
        <translation>Save search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="324"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="339"/>
        <source>未能保存检索：{0}</source>
        <translation>Could not save the search: {0}</translation>
    </message>
</context>
<context>
    <name>SynonymsDialog</name>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="459"/>
        <source>检索同义词</source>
        <translation>Search synonyms</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="462"/>
        <source>每行一组同义词，词语之间用空格或顿号分隔，例如：奖励 奖补 补助。这些组加在内置的政策同义词表之后；检索时按同义词找到的结果排在字面匹配之后并单独标出。</source>
        <translation>One group of synonyms per line, words separated by spaces or 、, for example: 奖励 奖补 补助. These groups are added to the built-in policy synonym list; hits found through synonyms are listed after literal matches and marked separately.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="472"/>
        <source>同义词文件无法读取：{0}</source>
        <translation>The synonyms file cannot be read: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="494"/>
        <source>未能保存：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="83"/>
        <source>牵头和配合</source>
        <translation>Lead and supporting</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="84"/>
        <source>牵头</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="85"/>
        <source>配合</source>
        <translation>Supporting</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="86"/>
        <source>只看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="87"/>
        <source>导出台账…</source>
        <translation>Export ledger…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="89"/>
        <source>把所列任务导出为 .xlsx 台账（序号、任务、牵头单位、配合单位、完成时限、进展情况、状态）</source>
        <translation>Export the listed tasks as an .xlsx ledger (no., task, lead unit, supporting units, deadline, progress, status)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="91"/>
        <source>导入进展…</source>
        <translation>Import progress…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="92"/>
        <source>导入各单位填报的 .xlsx 台账；任何一行有误则不导入</source>
        <translation>Import .xlsx ledgers filled in by the units; nothing is imported if any row has an error</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="93"/>
        <source>PDF 台账…</source>
        <translation>PDF ledger…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="94"/>
        <source>为所列任务生成 PDF 督办台账，预览后保存或打印（Ctrl+E）</source>
        <translation>Make a PDF supervision ledger of the listed tasks, preview it, then save or print (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="107"/>
        <source>单击一个单位查看其全部任务；单击一格只看该文件中的任务</source>
        <translation>Click a unit to see all its tasks; click a cell to see only its tasks in that document</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="138"/>
        <source>查看原文条款</source>
        <translation>Show source clause</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="141"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="225"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="141"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="226"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="141"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="227"/>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="141"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="228"/>
        <source>填报人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="148"/>
        <source>撤回所选进展…</source>
        <translation>Retract selected progress…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="149"/>
        <source>撤回误填的一条进展（保留在变更记录中）</source>
        <translation>Retract a wrongly entered progress update (kept in the change log)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="157"/>
        <source>进展情况：做了什么、到了哪一步</source>
        <translation>Progress: what has been done and how far it has got</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="160"/>
        <source>填报进展</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="188"/>
        <source>截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="189"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="190"/>
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="191"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="204"/>
        <source>任务分工矩阵（单位 × 文件，格中为任务数，括号内为牵头数）</source>
        <translation>Task matrix (unit × document; each cell shows the number of tasks, lead tasks in brackets)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="221"/>
        <source>进展记录</source>
        <translation>Progress log</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="278"/>
        <source>单位对照表有误，无法列出任务：{0}（{1}）</source>
        <translation>The unit table is invalid, so tasks cannot be listed: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="285"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="287"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="438"/>
        <source>全部文件</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="318"/>
        <source>共 {0} 项任务</source>
        <translation>{0} tasks</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="321"/>
        <source>，其中牵头 {0} 项、配合 {1} 项</source>
        <translation>, {0} as lead and {1} supporting</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="323"/>
        <source>；逾期 {0} 项</source>
        <translation>; {0} overdue</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="358"/>
        <source>选择一项任务查看其分工和进展</source>
        <translation>Select a task to see its assignment and progress</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="367"/>
        <source>牵头单位：{0}</source>
        <translation>Lead unit: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="368"/>
        <source>配合单位：{0}</source>
        <translation>Supporting units: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="369"/>
        <source>完成时限：{0}</source>
        <translation>Deadline: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="370"/>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="371"/>
        <source>（已过完成时限）</source>
        <translation> (past the deadline)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="375"/>
        <source>指标：{0}（{1}）</source>
        <translation>Indicator: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="410"/>
        <source>请先在进展记录中选择一条</source>
        <translation>Select an entry in the progress log first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="417"/>
        <source>撤回进展</source>
        <translation>Retract progress</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="417"/>
        <source>撤回所选进展记录？撤回的记录保留在变更记录中。</source>
        <translation>Retract the selected progress entry? Retracted entries are kept in the change log.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="444"/>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="444"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="469"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="455"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="459"/>
        <source>未能导出</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="459"/>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="463"/>
        <source>已导出 {0} 项任务到 {1}</source>
        <translation>Exported {0} tasks to {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="469"/>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="499"/>
        <source>导入进展</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="484"/>
        <source>第 {0} 行，列“{1}”{2}：{3}</source>
        <translation>Row {0}, column “{1}” {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="490"/>
        <source>……共 {0} 处</source>
        <translation>… {0} in all</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="492"/>
        <source>文件有 {0} 处错误，未导入任何数据：
</source>
        <translation>The file has {0} errors; nothing has been imported:
</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="500"/>
        <source>导入 {0} 条进展（{1} 行未变，跳过）？</source>
        <translation>Import {0} progress updates ({1} unchanged rows skipped)?</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/tasks_panel.py" line="508"/>
        <source>已导入 {0} 条进展</source>
        <translation>Imported {0} progress updates</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../workbench/ui/labels.py" line="61"/>
        <source>该期间已有数值（勾选“替换已有数值”才会替换）</source>
        <translation>The period already has a value (tick “Replace existing values” to replace it)</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../../workbench/ui/panels/checklist_panel.py" line="1262"/>
        <source>本项申报</source>
        <translation>This claim</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../workbench/ui/dialogs/brief_export.py" line="196"/>
        <source>请等待当前任务完成</source>
        <translation>Please wait for the current task to finish</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../workbench/app.py" line="94"/>
        <source>数据库由更新版本的政策工作台写入（版本 {0}），本程序支持到版本 {1}：
{2}</source>
        <translation>The database was written by a newer Policy Workbench (version {0}); this program supports up to version {1}:
{2}</translation>
    </message>
    <message>
        <location filename="../../workbench/app.py" line="99"/>
        <source>数据库正被另一个程序占用：{0}</source>
        <translation>The database is in use by another program: {0}</translation>
    </message>
</context>
</TS>
