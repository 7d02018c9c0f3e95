<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BranchDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="106" />
        <source>Branch settings</source>
        <translation>支部设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="115" />
        <source>The branch has a committee (7+ full members)</source>
        <translation>设支部委员会（正式党员7名以上）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="118" />
        <source>The secretary also directs the village committee (一肩挑)</source>
        <translation>书记兼任村委会主任（一肩挑）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="121" />
        <source>Branch name</source>
        <translation>支部名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="122" />
        <source>Village</source>
        <translation>村名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="123" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="124" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <location filename="../../../villagebook/ui/common/busy.py" line="67" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="45" />
        <source>Run the checks</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="47" />
        <source>Not run yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="59" />
        <source>As of</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="72" />
        <source>Running the rule checks…</source>
        <translation>正在进行规则检查…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="81" />
        <source>%1 breaches, %2 warnings, %3 due soon, %4 notes</source>
        <translation>违规 %1 条，提醒 %2 条，即将到期 %3 条，信息 %4 条</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../../villagebook/ui/common/widgets.py" line="33" />
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="61" />
        <location filename="../../../villagebook/ui/common/exchange.py" line="82" />
        <source>Import JSON</source>
        <translation>导入JSON</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="71" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="83" />
        <source>Imported from %1.</source>
        <translation>已从 %1 导入。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="91" />
        <source>Export JSON</source>
        <translation>导出JSON</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="99" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="101" />
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../../villagebook/ui/reports/findings.py" line="34" />
        <source>Rule</source>
        <extracomment>(background, text) per severity: red for breaches, amber for warnings, blue for what is due.</extracomment>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/findings.py" line="35" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/findings.py" line="36" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/findings.py" line="37" />
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/findings.py" line="38" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="191" />
        <source>Party group: %1</source>
        <translation>党小组调整：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="193" />
        <source>(no group)</source>
        <translation>（不属任何党小组）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="195" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="196" />
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="152" />
        <source>Party groups</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="156" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="157" />
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="181" />
        <source>Add Party group</source>
        <translation>添加党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="181" />
        <source>Name of the new group:</source>
        <translation>新党小组名称：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="191" />
        <source>Rename Party group</source>
        <translation>党小组改名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="191" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="230" />
        <source>History: %1</source>
        <translation>历史记录：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="243" />
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="260" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="244" />
        <source>Status</source>
        <translation>党员状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="245" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="246" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="247" />
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="260" />
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="254" />
        <source>(no group)</source>
        <translation>（不属任何党小组）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="260" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="265" />
        <source>Status history</source>
        <translation>党员状态历史</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="267" />
        <source>Party group history</source>
        <translation>党小组历史</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="80" />
        <location filename="../../../villagebook/ui/main_window.py" line="307" />
        <source>VillageBook</source>
        <extracomment>Emitted once the database is open and the first page (or the welcome page) is shown. The core Book, once :meth:`open_data` has opened the data folder.</extracomment>
        <translation>村务记事本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="118" />
        <source>Opening the records…</source>
        <extracomment>Backups, restore, one writer, app lock: installed on the first loop turn (``open_data``), so its imports do not delay the first frame.</extracomment>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="142" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="143" />
        <source>&amp;Import JSON…</source>
        <translation>导入JSON(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="144" />
        <source>&amp;Export JSON…</source>
        <translation>导出JSON(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="147" />
        <source>Send to &amp;township…</source>
        <translation>报送乡镇(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="150" />
        <source>Import township &amp;receipt…</source>
        <translation>导入乡镇回执(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="153" />
        <source>Township &amp;comments…</source>
        <translation>乡镇审核意见(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="156" />
        <source>Township &amp;summary</source>
        <translation>乡镇汇总(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="160" />
        <source>&amp;Branch settings…</source>
        <translation>支部设置(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="162" />
        <source>Party &amp;groups…</source>
        <translation>党小组(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="164" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="168" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="172" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="174" />
        <location filename="../../../villagebook/ui/main_window.py" line="223" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="177" />
        <location filename="../../../villagebook/ui/main_window.py" line="226" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="181" />
        <source>&amp;New person…</source>
        <translation>新增人员(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="184" />
        <source>&amp;Find in roster</source>
        <translation>在花名册中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="188" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="197" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="198" />
        <source>&amp;About VillageBook</source>
        <translation>关于村务记事本(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="208" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="215" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="223" />
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="226" />
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="303" />
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="389" />
        <source>This page could not be opened.</source>
        <translation>此页面无法打开。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="474" />
        <source>VillageBook %1: offline records of a village Party branch.

Data folder: %2

VillageBook is free software under the Apache License 2.0. It carries:
- Python %3 (Python Software Foundation License)
- Qt %4 with PySide6 and shiboken6, used under the GNU LGPL v3 (you may replace them with your own build of the same version)
- the WenQuanYi Micro Hei font, used under the Apache License 2.0
- the Python packages listed below, each under its own licence

Licence texts and the Qt third-party notices: %5

Exact versions: %6</source>
        <translation>村务记事本 %1：村党支部的离线记录工具。

数据文件夹：%2

村务记事本是自由软件，按 Apache License 2.0 发布。其中包含：
- Python %3（Python 软件基金会许可证）
- Qt %4 及 PySide6、shiboken6，按 GNU LGPL 第 3 版使用（可以换成您自己编译的同一版本）
- 文泉驿微米黑字体，按 Apache License 2.0 使用
- 下列 Python 软件包，各按其自己的许可证使用

许可证全文和 Qt 第三方声明：%5

确切版本：%6</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="493" />
        <source>About VillageBook</source>
        <translation>关于村务记事本</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="63" />
        <source>Meetings</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="64" />
        <source>Development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="65" />
        <source>Deliberations</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="66" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="67" />
        <source>Verify PDF</source>
        <translation>校验PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="69" />
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="60" />
        <source>Edit person</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="60" />
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="80" />
        <source>Show full ID and phone numbers</source>
        <translation>显示完整的身份证号和电话</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="88" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="89" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="90" />
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="91" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="92" />
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="93" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="94" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="97" />
        <source>Committee role</source>
        <translation>支委职务</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="98" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="103" />
        <source>(no group)</source>
        <translation>（不属任何党小组）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="105" />
        <source>Party status</source>
        <translation>党员状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="106" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="107" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="52" />
        <source>Printing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="70" />
        <source>Preparing the report…</source>
        <translation>正在准备报表…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="101" />
        <source>Save the PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="109" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="112" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="110" />
        <source>Saved to %1.

Open the folder?</source>
        <translation>已保存到 %1。

打开所在文件夹吗？</translation>
    </message>
</context>
<context>
    <name>ProblemListDialog</name>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="38" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/common/exchange.py" line="41" />
        <source>Nothing was imported. Fix these %n problem(s) in the file and try again:</source>
        <translation>
            <numerusform>没有导入任何内容。请在文件中修改以下 %n 个问题后再试：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/common/printing.py" line="188" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="190" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="191" />
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="104" />
        <source>Generate PDF…</source>
        <translation>生成PDF…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="111" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="121" />
        <source>No report generated yet.</source>
        <translation>尚未生成报表。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="128" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="129" />
        <source>Rule checks</source>
        <translation>规则检查</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/reports/page.py" line="162" />
        <source>%1 (%n page(s))</source>
        <translation>
            <numerusform>%1（共 %n 页）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="26" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="27" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="28" />
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="29" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="30" />
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="31" />
        <source>Status</source>
        <translation>党员状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="32" />
        <source>Group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="33" />
        <source>Committee role</source>
        <translation>支委职务</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="34" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="35" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="63" />
        <source>Search name, phone or ID number (Ctrl+F)</source>
        <translation>搜索姓名、电话或身份证号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="67" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="120" />
        <source>New person…</source>
        <translation>新增人员…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="121" />
        <source>Add a person to the roster (Ctrl+N)</source>
        <translation>在花名册中添加人员（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="122" />
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="123" />
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="124" />
        <source>Party group…</source>
        <translation>调整党小组…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="125" />
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="131" />
        <source>All groups</source>
        <translation>全部党小组</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/roster/page.py" line="175" />
        <source>%n people</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterReport</name>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="40" />
        <source>Save the roster PDF</source>
        <translation>保存花名册PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="60" />
        <source>Party member roster (花名册)</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="61" />
        <source>Full and probationary members on a chosen day, by Party group; ID and phone numbers masked unless you ask otherwise.</source>
        <translation>指定日期的正式党员和预备党员，按党小组排列；身份证号和电话默认部分隐藏。</translation>
    </message>
</context>
<context>
    <name>RosterReportDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="25" />
        <source>Roster PDF</source>
        <translation>党员花名册PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="27" />
        <source>Print full ID and phone numbers (sensitive)</source>
        <translation>打印完整的身份证号和电话（敏感信息）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="28" />
        <source>Roster on</source>
        <translation>花名册日期</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="40" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="46" />
        <source>Your name, e.g. 王芳 (organisation member)</source>
        <translation>您的姓名，如 王芳（组织委员）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="49" />
        <source>Empty: the data folder. A county server: postgresql://user@host/villagebook</source>
        <translation>留空：使用数据文件夹。县级服务器：postgresql://用户@主机/villagebook</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="51" />
        <location filename="../../../villagebook/ui/settings.py" line="97" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="52" />
        <source>Recorder name</source>
        <translation>记录人姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="53" />
        <location filename="../../../villagebook/ui/settings.py" line="80" />
        <location filename="../../../villagebook/ui/settings.py" line="91" />
        <source>Database server</source>
        <translation>数据库服务器</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="81" />
        <source>should start with postgresql://</source>
        <translation>应以 postgresql:// 开头</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="92" />
        <source>The database server applies when VillageBook is started again.</source>
        <translation>数据库服务器设置在下次启动村务记事本时生效。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="98" />
        <source>The new language applies when VillageBook is started again.</source>
        <translation>新的界面语言将在下次启动村务记事本时生效。</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="161" />
        <source>Change status: %1</source>
        <translation>变更状态：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="169" />
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="170" />
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="171" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="25" />
        <source>Welcome to VillageBook</source>
        <translation>欢迎使用村务记事本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="29" />
        <source>This data folder holds no Party branch yet. Start by creating your branch, by importing an exchange file (JSON), or by trying the demo village.</source>
        <translation>此数据文件夹中还没有党支部。您可以新建本支部、导入交换文件（JSON），或先看看演示村。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="34" />
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="37" />
        <source>Create my branch…</source>
        <translation>新建本支部…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="38" />
        <source>Import a JSON file…</source>
        <translation>导入JSON文件…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="39" />
        <source>Create the demo village (青山村)</source>
        <translation>创建演示村（青山村）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="40" />
        <source>Set up a township or county installation…</source>
        <translation>设为乡镇（县）安装…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="81" />
        <source>Creating the demo village…</source>
        <translation>正在创建演示村…</translation>
    </message>
</context>
</TS>