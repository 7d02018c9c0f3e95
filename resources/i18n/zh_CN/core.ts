<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BranchDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="65" />
        <source>Branch settings</source>
        <translation>支部设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="74" />
        <source>The branch has a committee (7+ full members)</source>
        <translation>设支部委员会（正式党员7名以上）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="77" />
        <source>The secretary also directs the village committee (一肩挑)</source>
        <translation>书记兼任村委会主任（一肩挑）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="80" />
        <source>Branch name</source>
        <translation>支部名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="81" />
        <source>Village</source>
        <translation>村名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="82" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="83" />
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
        <location filename="../../../villagebook/ui/reports/page.py" line="49" />
        <source>Run the checks</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="51" />
        <source>Not run yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="63" />
        <source>As of</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="76" />
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
        <location filename="../../../villagebook/ui/settings.py" line="111" />
        <source>Party groups</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="115" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="116" />
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="140" />
        <source>Add Party group</source>
        <translation>添加党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="140" />
        <source>Name of the new group:</source>
        <translation>新党小组名称：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="150" />
        <source>Rename Party group</source>
        <translation>党小组改名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="150" />
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
        <location filename="../../../villagebook/ui/main_window.py" line="278" />
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
        <source>&amp;Branch settings…</source>
        <translation>支部设置(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="149" />
        <source>Party &amp;groups…</source>
        <translation>党小组(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="151" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="155" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="159" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="161" />
        <location filename="../../../villagebook/ui/main_window.py" line="210" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="164" />
        <location filename="../../../villagebook/ui/main_window.py" line="213" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="168" />
        <source>&amp;New person…</source>
        <translation>新增人员(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="171" />
        <source>&amp;Find in roster</source>
        <translation>在花名册中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="175" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="184" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="185" />
        <source>&amp;About VillageBook</source>
        <translation>关于村务记事本(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="195" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="202" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="210" />
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="213" />
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="316" />
        <source>This page could not be opened.</source>
        <translation>此页面无法打开。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="399" />
        <source>VillageBook %1: offline records of a village Party branch.

Data folder: %2

Chinese font: WenQuanYi Micro Hei, used under the Apache License 2.0 (see %3).</source>
        <translation>村务记事本 %1：村党支部的离线记录工具。

数据文件夹：%2

中文字体：文泉驿微米黑，按 Apache License 2.0 使用（见 %3）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="409" />
        <source>About VillageBook</source>
        <translation>关于村务记事本</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="57" />
        <source>Meetings</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="58" />
        <source>Development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="59" />
        <source>Deliberations</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="60" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="62" />
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../../villagebook/ui/reports/period.py" line="36" />
        <source>Q%1</source>
        <extracomment>Which choices each kind of report offers.</extracomment>
        <translation>第%1季度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/period.py" line="40" />
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/period.py" line="44" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/period.py" line="66" />
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/period.py" line="67" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/period.py" line="68" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/period.py" line="69" />
        <source>Custom range</source>
        <translation>自定义期间</translation>
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
    <name>ReportCatalogue</name>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="39" />
        <source>Ledgers and statistics</source>
        <extracomment>quarter / year / period / day, or None for a report about one record meeting / talks / person / deliberation / decided (a decided deliberation) The report may print full ID and phone numbers on request.</extracomment>
        <translation>台账与统计</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="40" />
        <source>Organisational life (三会一课)</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="41" />
        <source>Party member development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="42" />
        <source>Major village matters (四议两公开)</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="43" />
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="47" />
        <source>Quarterly ledger (季度台账)</source>
        <translation>季度台账</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="49" />
        <source>A quarter as the township scores it: each kind of activity required against held, attendance, development steps, 四议两公开 matters, and every finding open at the quarter's end or handled, with a cover and a sign-off.</source>
        <translation>乡镇考核用的季度台账：各类组织生活应开与实开、参加情况、发展党员步骤、四议两公开事项，以及季度末未处理和已处理的问题，含封面和签字栏。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="61" />
        <source>Annual work report (年度工作报告)</source>
        <translation>年度工作报告</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="63" />
        <source>The year in numbers and charts for the secretary's report: activities held and missed by month, attendance by month, the development funnel, decisions by category and money.</source>
        <translation>书记述职用的全年数据和图表：各月组织生活开展与缺开情况、各月参加率、发展党员各环节人数、按类别的决议事项及金额。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="75" />
        <source>Self-check report (自查报告)</source>
        <translation>自查报告</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="77" />
        <source>The rule checks of a period as a form the branch signs and sends up, with the notes on findings already handled.</source>
        <translation>某一期间的规则检查结果，作为支部签字上报的自查表，附已处理问题的说明。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="88" />
        <source>Attendance statistics (参加组织生活统计)</source>
        <translation>党员参加组织生活统计</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="90" />
        <source>Each member's attendance (attended, on leave, absent), by kind and by month; members away six months without a valid reason (MTG-ABSENT-6M).</source>
        <translation>每名党员参加组织生活情况（参加、请假、缺席），按活动类型和月份统计；无正当理由连续六个月未参加组织生活的党员（MTG-ABSENT-6M）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="101" />
        <source>Quarterly plan as filed (计划报备)</source>
        <translation>组织生活计划报备表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="103" />
        <source>The quarter's plan as filed with the township, and what became of it.</source>
        <translation>向乡镇报备的季度计划及落实情况。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="113" />
        <source>Quarterly bound volume (一季度一合订)</source>
        <translation>季度合订本（一季度一合订）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="115" />
        <source>Every record of a quarter, with a compliance summary and contents.</source>
        <translation>一个季度的全部记录，附合规情况和目录。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="125" />
        <source>Meeting minutes (三会一课记录)</source>
        <translation>三会一课记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="127" />
        <source>One meeting record as on a page of the paper record book.</source>
        <translation>按纸质记录本格式打印一份会议记录。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="136" />
        <source>Talk records (谈心谈话记录表)</source>
        <translation>谈心谈话记录表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="138" />
        <source>The 谈心谈话 records of a period on the talk form (a blank form if none).</source>
        <translation>某一期间的谈心谈话记录（没有记录时打印空白表）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="149" />
        <source>Development plan and statistics (发展党员计划及统计)</source>
        <translation>发展党员年度计划及统计表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="154" />
        <source>Who is to be admitted, named a development target or converted this year; the year's figures and the age, gender and education of those admitted.</source>
        <translation>本年拟接收、拟确定为发展对象和应转正的人员；本年发展党员各环节人数及新接收党员的年龄、性别、文化程度构成。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="165" />
        <source>Development roster (发展党员工作台账)</source>
        <translation>发展党员工作台账</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="167" />
        <source>All open development cases by stage with the standard columns.</source>
        <translation>按阶段列出全部进行中的发展党员档案（标准台账栏目）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="177" />
        <source>Development dossier (发展党员全程纪实表)</source>
        <translation>发展党员全程纪实表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="179" />
        <source>One person's development file: every step, the people, the rule checks.</source>
        <translation>一人的发展党员档案：每个步骤、有关人员和规则检查结果。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="190" />
        <source>Annual ledger of 四议两公开 (年度台账)</source>
        <translation>四议两公开年度台账</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="192" />
        <source>Every matter of a year with its amount, step dates, status and findings.</source>
        <translation>全年每个事项的金额、各步骤日期、办理状态和检查发现。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="202" />
        <source>Decision record (四议两公开工作记录)</source>
        <translation>四议两公开工作记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="204" />
        <source>One deliberation step by step, with the text as decided at each step.</source>
        <translation>一个事项的办理全过程及各步骤议定的内容。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="215" />
        <source>Village affairs publicity sheet (村务公开栏)</source>
        <translation>村务公开栏</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="218" />
        <source>A decided matter's resolution (or its result) to print and post.</source>
        <translation>已决议事项的决议（或实施结果）公开栏，打印张贴。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="228" />
        <source>Party member roster (花名册)</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="230" />
        <source>Full and probationary members on a chosen day; ID and phone numbers masked unless you ask otherwise (then marked 内部资料).</source>
        <translation>指定日期的正式党员和预备党员；身份证号和电话默认隐去部分数字（打印完整号码时标注“内部资料”）。</translation>
    </message>
</context>
<context>
    <name>ReportCentre</name>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="129" />
        <source>Print full ID and phone numbers (sensitive)</source>
        <translation>打印完整身份证号和电话（敏感信息）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="130" />
        <source>&amp;Preview, print or save…</source>
        <translation>预览、打印或保存(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="137" />
        <location filename="../../../villagebook/ui/reports/page.py" line="192" />
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="138" />
        <location filename="../../../villagebook/ui/reports/page.py" line="214" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="192" />
        <source>As of</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="209" />
        <source>Meeting record</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="210" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="211" />
        <source>Deliberation</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="212" />
        <source>Decided deliberation</source>
        <translation>已决议事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="230" />
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="260" />
        <source>Choose a report and a record first.</source>
        <translation>请先选择报表和记录。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="265" />
        <source>Last shown: %1</source>
        <translation>上次预览：%1</translation>
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
        <location filename="../../../villagebook/ui/reports/page.py" line="278" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/page.py" line="279" />
        <source>Rule checks</source>
        <translation>规则检查</translation>
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
        <translation>打印完整身份证号和电话（敏感信息）</translation>
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
        <location filename="../../../villagebook/ui/settings.py" line="33" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="39" />
        <source>Your name, e.g. 王芳 (organisation member)</source>
        <translation>您的姓名，如 王芳（组织委员）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="40" />
        <location filename="../../../villagebook/ui/settings.py" line="56" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="41" />
        <source>Recorder name</source>
        <translation>记录人姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="57" />
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
        <location filename="../../../villagebook/ui/welcome.py" line="74" />
        <source>Creating the demo village…</source>
        <translation>正在创建演示村…</translation>
    </message>
</context>
</TS>