<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="35"/>
        <source>筛选：标题、文号、机关、地区</source>
        <translation>Filter: title, document number, issuer, region</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="60"/>
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="60"/>
        <source>文号</source>
        <translation>Doc. number</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="60"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="60"/>
        <source>效力</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="66"/>
        <source>未注明地区</source>
        <translation>Region not stated</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="88"/>
        <source>无文号</source>
        <translation>no number</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/library_panel.py" line="93"/>
        <source>被 {0} 废止</source>
        <translation>Repealed by {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="68"/>
        <source>政策工作台</source>
        <translation>Policy Workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="103"/>
        <source>阅读</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="75"/>
        <source>文库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="76"/>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="81"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="83"/>
        <source>正在打开文库…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="128"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="129"/>
        <source>导入文件(&amp;I)…</source>
        <translation>&amp;Import documents…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="130"/>
        <source>重建检索索引</source>
        <translation>Rebuild search index</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="131"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="135"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="136"/>
        <source>检索(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="138"/>
        <source>复制条款及出处</source>
        <translation>Copy clause with citation</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="143"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="145"/>
        <source>设置(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="146"/>
        <location filename="../../workbench/ui/main_window.py" line="248"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="152"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="153"/>
        <location filename="../../workbench/ui/main_window.py" line="253"/>
        <source>关于政策工作台</source>
        <translation>About Policy Workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="174"/>
        <source>导入政策文件</source>
        <translation>Import policy documents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="174"/>
        <source>政策文件 (*.txt *.docx *.pdf);;所有文件 (*)</source>
        <translation>Policy documents (*.txt *.docx *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="183"/>
        <source>请等待当前任务完成</source>
        <translation>Please wait for the current task to finish</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="186"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="199"/>
        <source>已导入 {0} 个文件</source>
        <translation>Imported {0} file(s)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="201"/>
        <source>，取消了 {0} 个</source>
        <translation>, {0} cancelled</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="205"/>
        <source>部分文件未导入</source>
        <translation>Some files were not imported</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="213"/>
        <source>正在建立检索索引…</source>
        <translation>Building the search index…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="214"/>
        <source>检索索引已就绪</source>
        <translation>Search index ready</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="239"/>
        <source>任务失败</source>
        <translation>Task failed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="239"/>
        <source>任务未能完成：{0}</source>
        <translation>The task could not finish: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="244"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="248"/>
        <source>重新启动后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="254"/>
        <source>政策工作台：离线阅读、检索和使用产业政策文件。

数据文件夹：{0}</source>
        <translation>Policy Workbench: read, search and use industrial-policy documents offline.

Data folder: {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="271"/>
        <source>文库共 {0} 份文件</source>
        <translation>{0} documents in the library</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="59"/>
        <source>复制条款及出处</source>
        <translation>Copy clause with citation</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="87"/>
        <source>在左侧文库中选择一份文件</source>
        <translation>Choose a document in the library on the left</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="114"/>
        <source>文件头</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="114"/>
        <source>落款</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="144"/>
        <source>责任单位</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/reader_panel.py" line="158"/>
        <source>［文库中无此文件］</source>
        <translation> [not in the library]</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="80"/>
        <source>检索条款：词语、&quot;短语&quot;、OR、-排除</source>
        <translation>Search clauses: words, &quot;phrases&quot;, OR, -exclude</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="83"/>
        <source>全部层级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="88"/>
        <source>全部效力</source>
        <translation>Any validity</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="94"/>
        <source>效力日期</source>
        <translation>Validity on</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="95"/>
        <source>按所选日期判断效力（默认今天）</source>
        <translation>Judge validity on the chosen day (default: today)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="142"/>
        <source>全部地区</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="143"/>
        <source>全部文件</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="144"/>
        <source>全部发文机关</source>
        <translation>All issuers</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="146"/>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="146"/>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="187"/>
        <source>找到 {0} 条</source>
        <translation>{0} found</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/panels/search_panel.py" line="187"/>
        <source>没有找到匹配的条款</source>
        <translation>No matching clause</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../workbench/ui/labels.py" line="12"/>
        <source>尚未生效</source>
        <translation>Not yet in force</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="13"/>
        <source>现行有效</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="14"/>
        <source>已失效</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="15"/>
        <source>已废止</source>
        <translation>Repealed</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="16"/>
        <source>效力未知</source>
        <translation>Validity unknown</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="22"/>
        <source>国家</source>
        <translation>National</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="23"/>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="24"/>
        <source>市级</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="25"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="31"/>
        <source>文件不存在</source>
        <translation>The file does not exist</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="32"/>
        <source>文件无法读取（权限或磁盘错误）</source>
        <translation>The file cannot be read (permissions or disk error)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="33"/>
        <source>文件为空</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="34"/>
        <source>文件超过大小上限</source>
        <translation>The file is over the size limit</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="35"/>
        <source>不是文本文件（二进制内容）</source>
        <translation>Not a text file (binary content)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="36"/>
        <source>无法识别文字编码</source>
        <translation>The text encoding cannot be recognised</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="37"/>
        <source>PDF 没有文字层（可能是扫描件）</source>
        <translation>The PDF has no text layer (probably a scan)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="38"/>
        <source>文件已损坏或格式不符</source>
        <translation>The file is damaged or not of its stated type</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="39"/>
        <source>不支持的文件类型（支持 .txt、.docx、.pdf）</source>
        <translation>Unsupported file type (.txt, .docx and .pdf are supported)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="40"/>
        <source>文库中已有相同文件</source>
        <translation>The same document is already in the library</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="41"/>
        <source>文库中已有相同文号的文件</source>
        <translation>A document with the same number is already in the library</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="42"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="47"/>
        <source>查询语法有误，已按普通词语检索</source>
        <translation>The query could not be parsed; searched for its words instead</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../workbench/app.py" line="83"/>
        <source>数据库由更新版本的政策工作台写入（版本 {0}），本程序支持到版本 {1}：
{2}</source>
        <translation>The database was written by a newer Policy Workbench (version {0}); this program supports up to version {1}:
{2}</translation>
    </message>
    <message>
        <location filename="../../workbench/app.py" line="86"/>
        <source>数据库正被另一个程序占用：{0}</source>
        <translation>The database is in use by another program: {0}</translation>
    </message>
</context>
</TS>
