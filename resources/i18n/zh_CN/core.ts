<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="33" />
        <source>VillageBook</source>
        <translation>村务记事本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="43" />
        <source>Opening the records…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="62" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/main_window.py" line="63" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="30" />
        <source>Meetings</source>
        <translation>三会一课</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="31" />
        <source>Development</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="32" />
        <source>Deliberations</source>
        <translation>四议两公开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="33" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/pages.py" line="35" />
        <source>Roster</source>
        <translation>花名册</translation>
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
        <source>Status</source>
        <translation>党员状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/model.py" line="33" />
        <source>Group</source>
        <translation>党小组</translation>
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
        <location filename="../../../villagebook/ui/roster/page.py" line="28" />
        <source>Search name, phone or ID number</source>
        <translation>搜索姓名、电话或身份证号</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="31" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/roster/page.py" line="35" />
        <source>All groups</source>
        <translation>全部党小组</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/roster/page.py" line="69" />
        <source>%n people</source>
        <translation><numerusform>共 %n 人</numerusform></translation>
    </message>
</context>
</TS>