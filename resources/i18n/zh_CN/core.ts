<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Ask</name>
    <message>
        <location filename="../../../villagebook/ui/common/ask.py" line="57" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/ask.py" line="60" />
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/ask.py" line="63" />
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="121" />
        <source>Branch settings</source>
        <translation>支部设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="130" />
        <source>The branch has a committee (7+ full members)</source>
        <translation>设支部委员会（正式党员7名以上）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="133" />
        <source>The secretary also directs the village committee (一肩挑)</source>
        <translation>书记兼任村委会主任（一肩挑）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="136" />
        <source>Branch name</source>
        <translation>支部名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="137" />
        <source>Village</source>
        <translation>村名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="138" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="139" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <location filename="../../../villagebook/ui/common/busy.py" line="91" />
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
    <name>ChooseRecorderDialog</name>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="90" />
        <source>Who is recording?</source>
        <translation>谁在记录？</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="95" />
        <source>Recording now</source>
        <translation>当前记录人</translation>
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
        <location filename="../../../villagebook/ui/common/exchange.py" line="62" />
        <location filename="../../../villagebook/ui/common/exchange.py" line="83" />
        <source>Import JSON</source>
        <translation>导入JSON</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="72" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="84" />
        <source>Imported from %1.</source>
        <translation>已从 %1 导入。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="92" />
        <source>Export JSON</source>
        <translation>导出JSON</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="100" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="102" />
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
    <name>FormDialog</name>
    <message>
        <location filename="../../../villagebook/ui/common/form.py" line="180" />
        <source>Restored what you typed at %1 (not saved yet).</source>
        <extracomment>The narrowest a form dialog gets (in average character widths): room for a problem. False: the dialog only chooses something; closing it never asks.</extracomment>
        <translation>已恢复您在%1输入的内容（尚未保存）。</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="227" />
        <source>Party group: %1</source>
        <translation>党小组调整：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="229" />
        <source>(no group)</source>
        <translation>（不属任何党小组）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="231" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="232" />
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="167" />
        <source>Party groups</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="171" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="172" />
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="196" />
        <source>Add Party group</source>
        <translation>添加党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="196" />
        <source>Name of the new group:</source>
        <translation>新党小组名称：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="206" />
        <source>Rename Party group</source>
        <translation>党小组改名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="206" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <location filename="../../../villagebook/ui/common/guard.py" line="219" />
        <source>You have typed something that is not saved yet. Save it before closing?</source>
        <extracomment>How long after the last keystroke a draft is written.</extracomment>
        <translation>您输入的内容还没有保存。关闭前要保存吗？</translation>
    </message>
</context>
<context>
    <name>HandledDialog</name>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="30" />
        <source>Mark as handled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="36" />
        <source>What was done, e.g. 已于11月25日补开支委会，记录见2026-11-25</source>
        <translation>做了什么，例如：已于11月25日补开支委会，记录见2026-11-25</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="40" />
        <source>Recorded as handled by %1, today.</source>
        <translation>将以记录人%1的名义、以今天的日期登记为已处理。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="42" />
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="43" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="42" />
        <location filename="../../../villagebook/ui/help.py" line="52" />
        <source>Using VillageBook</source>
        <extracomment>The chapter starts at this heading (None: the whole file) ... ... and ends before this one.</extracomment>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="44" />
        <location filename="../../../villagebook/ui/help.py" line="60" />
        <source>Party member development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="49" />
        <location filename="../../../villagebook/ui/help.py" line="71" />
        <source>Installing</source>
        <translation>安装说明</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="54" />
        <source>Meetings</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="66" />
        <source>Major village matters</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="81" />
        <source>This chapter was not installed: %1</source>
        <translation>这一章没有安装：%1</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="97" />
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/help.py" line="112" />
        <source>Find in this chapter (Enter: next)</source>
        <translation>在本章中查找（回车：下一处）</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="266" />
        <source>History: %1</source>
        <translation>历史记录：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="279" />
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="296" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="280" />
        <source>Status</source>
        <translation>党员状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="281" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="282" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="283" />
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="296" />
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="290" />
        <source>(no group)</source>
        <translation>（不属任何党小组）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="296" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="301" />
        <source>Status history</source>
        <translation>党员状态历史</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="303" />
        <source>Party group history</source>
        <translation>党小组历史</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="85" />
        <location filename="../../../villagebook/ui/main_window.py" line="336" />
        <source>VillageBook</source>
        <extracomment>Emitted once the database is open and the first page (or the welcome page) is shown. The core Book, once :meth:`open_data` has opened the data folder.</extracomment>
        <translation>村务记事本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="154" />
        <source>Opening the records…</source>
        <extracomment>True on a small screen (below 1280×720): the window shows maximised. Backups, restore, one writer, app lock: installed on the first loop turn (``open_data``), so its imports do not delay the first frame. Who records in this window (the recorder's name on every change).</extracomment>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="178" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="179" />
        <source>&amp;Import JSON…</source>
        <translation>导入JSON(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="180" />
        <source>&amp;Export JSON…</source>
        <translation>导出JSON(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="183" />
        <source>Send to &amp;township…</source>
        <translation>报送乡镇(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="186" />
        <source>Import township &amp;receipt…</source>
        <translation>导入乡镇回执(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="189" />
        <source>Township &amp;comments…</source>
        <translation>乡镇审核意见(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="192" />
        <source>Township &amp;summary</source>
        <translation>乡镇汇总(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="196" />
        <source>&amp;Branch settings…</source>
        <translation>支部设置(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="198" />
        <source>Party &amp;groups…</source>
        <translation>党小组(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="200" />
        <source>&amp;Recorders…</source>
        <translation>记录人(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="203" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="207" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="211" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="213" />
        <location filename="../../../villagebook/ui/main_window.py" line="270" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="216" />
        <location filename="../../../villagebook/ui/main_window.py" line="273" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="220" />
        <source>&amp;New person…</source>
        <translation>新增人员(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="223" />
        <source>&amp;Find in roster</source>
        <translation>在花名册中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="227" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="236" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="239" />
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="245" />
        <source>&amp;About VillageBook</source>
        <translation>关于村务记事本(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="255" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="262" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="270" />
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="273" />
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="356" />
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="399" />
        <source>Recorder: %1</source>
        <translation>记录人：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="407" />
        <source>Manage recorders…</source>
        <translation>管理记录人…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="422" />
        <source>Recording as %1</source>
        <translation>现在以%1的名义记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="525" />
        <source>This page could not be opened.</source>
        <translation>此页面无法打开。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="611" />
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
        <location filename="../../../villagebook/ui/main_window.py" line="630" />
        <source>About VillageBook</source>
        <translation>关于村务记事本</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="73" />
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="75" />
        <source>Meetings</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="76" />
        <source>Development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="79" />
        <source>Deliberations</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="82" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="83" />
        <source>Verify PDF</source>
        <translation>校验PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="74" />
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
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="63" />
        <source>Edit person</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="63" />
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="65" />
        <source>New applicant</source>
        <translation>新入党申请人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="85" />
        <source>Show full ID and phone numbers</source>
        <translation>显示完整的身份证号和电话</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="93" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="94" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="95" />
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="96" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="97" />
        <source>Education</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="98" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="99" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="102" />
        <source>Committee role</source>
        <translation>支委职务</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="103" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="108" />
        <source>(no group)</source>
        <translation>（不属任何党小组）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="112" />
        <source>Application date</source>
        <translation>递交申请书日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="115" />
        <source>Party status</source>
        <translation>党员状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="116" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="120" />
        <source>An applicant's development case opens at once, with step 1 (the application) on this date.</source>
        <translation>选择“入党申请人”时，保存后立即开始发展党员程序，并以此日期登记第1步（递交入党申请书）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="113" />
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="117" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="53" />
        <source>Printing…</source>
        <extracomment>Asks what to print, then previews it with Print and Save; True if it was shown.</extracomment>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="71" />
        <source>Preparing the report…</source>
        <translation>正在准备报表…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="102" />
        <source>Save the PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="110" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="113" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="111" />
        <source>Saved to %1.

Open the folder?</source>
        <translation>已保存到 %1。

打开所在文件夹吗？</translation>
    </message>
</context>
<context>
    <name>ProblemListDialog</name>
    <message>
        <location filename="../../../villagebook/ui/common/exchange.py" line="39" />
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/common/exchange.py" line="42" />
        <source>Nothing was imported. Fix these %n problem(s) in the file and try again:</source>
        <translation><numerusform>没有导入任何内容。请在文件中修改以下 %n 个问题后再试：</numerusform></translation>
    </message>
</context>
<context>
    <name>RecorderSetupDialog</name>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="48" />
        <source>Who keeps the records?</source>
        <translation>谁负责记录？</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="52" />
        <source>Finalised records, corrections and the change log name the person who recorded them. Enter your name; add others who keep records too (one a line).</source>
        <translation>定稿的记录、更正和修改记录都会写明记录人。请填写您的姓名；如还有其他人负责记录，也一并填写（每行一人）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="59" />
        <source>e.g. 王芳</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="62" />
        <source>e.g. 李明 (organisation member)</source>
        <translation>例如：李明（组织委员）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="65" />
        <location filename="../../../villagebook/ui/recorders.py" line="76" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="66" />
        <source>Others who keep records</source>
        <translation>其他记录人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="76" />
        <source>must be filled in</source>
        <translation>必须填写</translation>
    </message>
</context>
<context>
    <name>RecordersDialog</name>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="104" />
        <location filename="../../../villagebook/ui/recorders.py" line="152" />
        <source>Recorders</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="108" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="109" />
        <source>No longer keeps records</source>
        <translation>不再负责记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="118" />
        <source>Finalised records and the change log name who recorded them.</source>
        <translation>定稿的记录和修改记录都会写明记录人。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="139" />
        <source>Add a recorder</source>
        <translation>添加记录人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="139" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/recorders.py" line="153" />
        <source>Someone must keep the records: add them first.</source>
        <translation>总要有人负责记录：请先添加新的记录人。</translation>
    </message>
</context>
<context>
    <name>ReportCatalogue</name>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="32" />
        <source>Ledgers and statistics</source>
        <extracomment>quarter / year / period / day, or None for a report about one record meeting / talks / person / deliberation / decided (a decided deliberation) The report may print full ID and phone numbers on request.</extracomment>
        <translation>台账与统计</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="33" />
        <source>Organisational life (三会一课)</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="34" />
        <source>Party member development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="35" />
        <source>Major village matters (四议两公开)</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="38" />
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="42" />
        <source>Quarterly ledger (季度台账)</source>
        <translation>季度台账</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="43" />
        <source>A quarter as the township scores it: each kind of activity required against held, attendance, development steps, 四议两公开 matters, and every finding open at the quarter's end or handled, with a cover and a sign-off.</source>
        <translation>乡镇考核用的季度台账：各类组织生活应开与实开、参加情况、发展党员步骤、四议两公开事项，以及季度末未处理和已处理的问题，含封面和签字栏。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="54" />
        <source>Annual work report (年度工作报告)</source>
        <translation>年度工作报告</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="55" />
        <source>The year in numbers and charts for the secretary's report: activities held and missed by month, attendance by month, the development funnel, decisions by category and money.</source>
        <translation>书记述职用的全年数据和图表：各月组织生活开展与缺开情况、各月参加率、发展党员各环节人数、按类别的决议事项及金额。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="66" />
        <source>Self-check report (自查报告)</source>
        <translation>自查报告</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="67" />
        <source>The rule checks of a period as a form the branch signs and sends up, with the notes on findings already handled.</source>
        <translation>某一期间的规则检查结果，作为支部签字上报的自查表，附已处理问题的说明。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="77" />
        <source>Attendance statistics (参加组织生活统计)</source>
        <translation>党员参加组织生活统计</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="80" />
        <source>Each member's attendance (attended, on leave, absent), by kind and by month; members away six months without a valid reason (MTG-ABSENT-6M).</source>
        <translation>每名党员参加组织生活情况（参加、请假、缺席），按活动类型和月份统计；无正当理由连续六个月未参加组织生活的党员（MTG-ABSENT-6M）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="90" />
        <source>Quarterly plan as filed (计划报备)</source>
        <translation>组织生活计划报备表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="91" />
        <source>The quarter's plan as filed with the township, and what became of it.</source>
        <translation>向乡镇报备的季度计划及落实情况。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="100" />
        <source>Quarterly bound volume (一季度一合订)</source>
        <translation>季度合订本（一季度一合订）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="101" />
        <source>Every record of a quarter, with a compliance summary and contents.</source>
        <translation>一个季度的全部记录，附合规情况和目录。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="110" />
        <source>Meeting minutes (三会一课记录)</source>
        <translation>三会一课记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="111" />
        <source>One meeting record as on a page of the paper record book.</source>
        <translation>按纸质记录本格式打印一份会议记录。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="119" />
        <source>Talk records (谈心谈话记录表)</source>
        <translation>谈心谈话记录表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="120" />
        <source>The 谈心谈话 records of a period on the talk form (a blank form if none).</source>
        <translation>某一期间的谈心谈话记录（没有记录时打印空白表）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="129" />
        <source>Development plan and statistics (发展党员计划及统计)</source>
        <translation>发展党员年度计划及统计表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="132" />
        <source>Who is to be admitted, named a development target or converted this year; the year's figures and the age, gender and education of those admitted.</source>
        <translation>本年拟接收、拟确定为发展对象和应转正的人员；本年发展党员各环节人数及新接收党员的年龄、性别、文化程度构成。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="142" />
        <source>Development roster (发展党员工作台账)</source>
        <translation>发展党员工作台账</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="143" />
        <source>All open development cases by stage with the standard columns.</source>
        <translation>按阶段列出全部进行中的发展党员档案（标准台账栏目）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="152" />
        <source>Development dossier (发展党员全程纪实表)</source>
        <translation>发展党员全程纪实表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="155" />
        <source>One person's development file: every step, the people, the rule checks.</source>
        <translation>一人的发展党员档案：每个步骤、有关人员和规则检查结果。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="165" />
        <source>Annual ledger of 四议两公开 (年度台账)</source>
        <translation>四议两公开年度台账</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="166" />
        <source>Every matter of a year with its amount, step dates, status and findings.</source>
        <translation>全年每个事项的金额、各步骤日期、办理状态和检查发现。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="175" />
        <source>Decision record (四议两公开工作记录)</source>
        <translation>四议两公开工作记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="176" />
        <source>One deliberation step by step, with the text as decided at each step.</source>
        <translation>一个事项的办理全过程及各步骤议定的内容。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="185" />
        <source>Village affairs publicity sheet (村务公开栏)</source>
        <translation>村务公开栏</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="188" />
        <source>A decided matter's resolution (or its result) to print and post.</source>
        <translation>已决议事项的决议（或实施结果）公开栏，打印张贴。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="197" />
        <source>Party member roster (花名册)</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/reports/registry.py" line="198" />
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
        <location filename="../../../villagebook/ui/common/printing.py" line="189" />
        <source>%n page(s)</source>
        <translation><numerusform>共 %n 页</numerusform></translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="191" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/common/printing.py" line="192" />
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
        <translation><numerusform>共 %n 人</numerusform></translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="245" />
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
</context>
<context>
    <name>RosterReport</name>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="52" />
        <source>Party member roster (花名册)</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="53" />
        <source>Full and probationary members on a chosen day, by Party group; ID and phone numbers masked unless you ask otherwise.</source>
        <translation>指定日期的正式党员和预备党员，按党小组排列；身份证号和电话默认部分隐藏。</translation>
    </message>
</context>
<context>
    <name>RosterReportDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="26" />
        <source>Roster PDF</source>
        <translation>党员花名册PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="28" />
        <source>Print full ID and phone numbers (sensitive)</source>
        <translation>打印完整身份证号和电话（敏感信息）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/reports.py" line="29" />
        <source>Roster on</source>
        <translation>花名册日期</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="57" />
        <source>What is this rule? %1</source>
        <translation>这条规则是什么？%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="72" />
        <source>No text is known for this rule.</source>
        <translation>没有这条规则的说明。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="74" />
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="74" />
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="81" />
        <source>a county may change it</source>
        <translation>县或乡镇可以调整</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/dialogs.py" line="86" />
        <source>In the domain brief (DOMAIN.md %1):</source>
        <translation>业务规则说明（DOMAIN.md %1）原文：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="44" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="52" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="53" />
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="54" />
        <source>Largest</source>
        <translation>特大</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="60" />
        <source>Empty: the data folder. A county server: postgresql://user@host/villagebook</source>
        <translation>留空：使用数据文件夹。县级服务器：postgresql://用户@主机/villagebook</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="63" />
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="62" />
        <location filename="../../../villagebook/ui/settings.py" line="112" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="64" />
        <location filename="../../../villagebook/ui/settings.py" line="86" />
        <location filename="../../../villagebook/ui/settings.py" line="104" />
        <source>Database server</source>
        <translation>数据库服务器</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="87" />
        <source>should start with postgresql://</source>
        <translation>应以 postgresql:// 开头</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="105" />
        <source>The database server applies when VillageBook is started again.</source>
        <translation>数据库服务器设置在下次启动村务记事本时生效。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/settings.py" line="113" />
        <source>The new language applies when VillageBook is started again.</source>
        <translation>新的界面语言将在下次启动村务记事本时生效。</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="197" />
        <source>Change status: %1</source>
        <translation>变更状态：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="205" />
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="206" />
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/dialogs.py" line="207" />
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
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="82" />
        <source>Workbench: what is due</source>
        <extracomment>How long after a change the checks run again (a burst of edits runs them once). How often the page looks whether the worker has finished. (background, text) per urgency. What the worker thread leaves for the page: (generation, agenda or error).</extracomment>
        <translation>工作台：需要办理的事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="87" />
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="96" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="96" />
        <source>Area</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="96" />
        <source>By</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="113" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="114" />
        <source>Mark as handled…</source>
        <translation>标记为已处理…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="115" />
        <source>Not handled after all</source>
        <translation>取消已处理</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="116" />
        <source>What is this rule?</source>
        <translation>这条规则是什么</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="160" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="233" />
        <source>The checks could not run: %1</source>
        <translation>检查未能完成：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="254" />
        <source>%1 overdue, %2 due within 30 days, %3 open · checked %4</source>
        <translation>逾期%1项，30天内到期%2项，待办%3项 · 检查日期%4</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="268" />
        <source>Handled: %1 (%2, %3)</source>
        <translation>已处理：%1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="322" />
        <source>Choose an item: Enter or a double click opens it.</source>
        <translation>选择一项：按回车或双击即可打开。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="326" />
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/workbench/page.py" line="330" />
        <source>Marked as handled by %1 on %2: %3</source>
        <translation>%1于%2标记为已处理：%3</translation>
    </message>
</context>
</TS>