<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BranchDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="73" />
        <source>Branch settings</source>
        <translation>支部设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="87" />
        <source>The branch has a committee (7+ full members)</source>
        <translation>设支部委员会（正式党员7名以上）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="90" />
        <source>The secretary also directs the village committee (一肩挑)</source>
        <translation>书记兼任村委会主任（一肩挑）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="93" />
        <source>Branch name</source>
        <translation>支部名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="94" />
        <source>Village</source>
        <translation>村名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="95" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="96" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="42" />
        <source>Run the checks</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="44" />
        <source>Not run yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="56" />
        <source>As of</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="77" />
        <source>Running the rule checks…</source>
        <translation>正在进行规则检查…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="85" />
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
        <location filename="../../../villagebook/ui/common/exchange.py" line="60" />
        <location filename="../../../villagebook/ui/common/exchange.py" line="84" />
        <source>Import JSON</source>
        <translation>导入JSON</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="75" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="85" />
        <source>Imported from %1.</source>
        <translation>已从 %1 导入。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="95" />
        <source>Export JSON</source>
        <translation>导出JSON</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="108" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
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
        <location filename="../../../villagebook/ui/settings.py" line="125" />
        <source>Party groups</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="130" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="131" />
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="160" />
        <source>Add Party group</source>
        <translation>添加党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="160" />
        <source>Name of the new group:</source>
        <translation>新党小组名称：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="178" />
        <source>Rename Party group</source>
        <translation>党小组改名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="178" />
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
        <location filename="../../../villagebook/ui/main_window.py" line="58" />
        <location filename="../../../villagebook/ui/main_window.py" line="207" />
        <source>VillageBook</source>
        <extracomment>Emitted once the database is open and the first page (or the welcome page) is shown.</extracomment>
        <translation>村务记事本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="90" />
        <source>Opening the records…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="117" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="118" />
        <source>&amp;Import JSON…</source>
        <translation>导入JSON(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="119" />
        <source>&amp;Export JSON…</source>
        <translation>导出JSON(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="122" />
        <source>&amp;Branch settings…</source>
        <translation>支部设置(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="124" />
        <source>Party &amp;groups…</source>
        <translation>党小组(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="126" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="129" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="132" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="133" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="135" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="141" />
        <source>&amp;New person…</source>
        <translation>新增人员(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="144" />
        <source>&amp;Find in roster</source>
        <translation>在花名册中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="148" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="157" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="158" />
        <source>&amp;About VillageBook</source>
        <translation>关于村务记事本(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="245" />
        <source>This page could not be opened.</source>
        <translation>此页面无法打开。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="333" />
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
        <location filename="../../../villagebook/ui/main_window.py" line="343" />
        <source>About VillageBook</source>
        <translation>关于村务记事本</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="54" />
        <source>Meetings</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="55" />
        <source>Development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="56" />
        <source>Deliberations</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="57" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="59" />
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
    <name>ProblemListDialog</name>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="37" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/common/exchange.py" line="40" />
        <source>Nothing was imported. Fix these %n problem(s) in the file and try again:</source>
        <translation>
            <numerusform>没有导入任何内容。请在文件中修改以下 %n 个问题后再试：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="108" />
        <source>Generate PDF…</source>
        <translation>生成PDF…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="115" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="125" />
        <source>No report generated yet.</source>
        <translation>尚未生成报表。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="132" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="133" />
        <source>Rule checks</source>
        <translation>规则检查</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/reports/page.py" line="166" />
        <source>%1 (%n page(s))</source>
        <translation>
            <numerusform>%1（共 %n 页）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="28" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="29" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="30" />
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="31" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="32" />
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="33" />
        <source>Status</source>
        <translation>党员状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="34" />
        <source>Group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="35" />
        <source>Committee role</source>
        <translation>支委职务</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="36" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="37" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="61" />
        <source>Search name, phone or ID number (Ctrl+F)</source>
        <translation>搜索姓名、电话或身份证号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="64" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="117" />
        <source>New person…</source>
        <translation>新增人员…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="118" />
        <source>Add a person to the roster (Ctrl+N)</source>
        <translation>在花名册中添加人员（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="119" />
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="120" />
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="121" />
        <source>Party group…</source>
        <translation>调整党小组…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="122" />
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="128" />
        <source>All groups</source>
        <translation>全部党小组</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/roster/page.py" line="163" />
        <source>%n people</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterReport</name>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="46" />
        <source>Save the roster PDF</source>
        <translation>保存花名册PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="53" />
        <source>Printing the roster…</source>
        <translation>正在生成花名册…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="61" />
        <source>Party member roster (花名册)</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="62" />
        <source>Full and probationary members on a chosen day, by Party group; ID and phone numbers masked unless you ask otherwise.</source>
        <translation>指定日期的正式党员和预备党员，按党小组排列；身份证号和电话默认部分隐藏。</translation>
    </message>
</context>
<context>
    <name>RosterReportDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="23" />
        <source>Roster PDF</source>
        <translation>党员花名册PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="25" />
        <source>Print full ID and phone numbers (sensitive)</source>
        <translation>打印完整的身份证号和电话（敏感信息）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="26" />
        <source>Roster on</source>
        <translation>花名册日期</translation>
    </message>
</context>
<context>
    <name>RosterUndo</name>
    <message>
        <location filename="../../../villagebook/ui/roster/undo.py" line="68" />
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/undo.py" line="106" />
        <source>Edit {name}</source>
        <translation>修改 {name}</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/undo.py" line="137" />
        <source>Status of {name}: {status}</source>
        <translation>{name} 状态变为 {status}</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/undo.py" line="171" />
        <source>Party group of {name}</source>
        <translation>{name} 调整党小组</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="41" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="47" />
        <source>Your name, e.g. 王芳 (organisation member)</source>
        <translation>您的姓名，如 王芳（组织委员）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="48" />
        <location filename="../../../villagebook/ui/settings.py" line="64" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="49" />
        <source>Recorder name</source>
        <translation>记录人姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="65" />
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
        <location filename="../../../villagebook/ui/welcome.py" line="27" />
        <source>Welcome to VillageBook</source>
        <translation>欢迎使用村务记事本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="31" />
        <source>This data folder holds no Party branch yet. Start by creating your branch, by importing an exchange file (JSON), or by trying the demo village.</source>
        <translation>此数据文件夹中还没有党支部。您可以新建本支部、导入交换文件（JSON），或先看看演示村。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="36" />
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="39" />
        <source>Create my branch…</source>
        <translation>新建本支部…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="40" />
        <source>Import a JSON file…</source>
        <translation>导入JSON文件…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="41" />
        <source>Create the demo village (青山村)</source>
        <translation>创建演示村（青山村）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/welcome.py" line="82" />
        <source>Creating the demo village…</source>
        <translation>正在创建演示村…</translation>
    </message>
</context>
</TS>