<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeliberationChoice</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="30"/>
        <source>Choose a deliberation</source>
        <translation>选择事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="38"/>
        <source> (round %1)</source>
        <translation>（第%1轮）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="40"/>
        <source>%1 | %2</source>
        <translation>%1&#x3000;%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="42"/>
        <source>Deliberation</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>DeliberationDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="63"/>
        <source>Deliberation</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="73"/>
        <source>yuan, e.g. 386000.00; empty if none</source>
        <translation>单位：元，例如 386000.00；不涉及金额可不填</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="75"/>
        <source>Title</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="76"/>
        <source>Category</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="77"/>
        <source>Amount (yuan)</source>
        <translation>涉及金额（元）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="80"/>
        <source>Proposal</source>
        <translation>提议内容</translation>
    </message>
</context>
<context>
    <name>DeliberationReports</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="61"/>
        <source>Save the PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="76"/>
        <source>Printing the decision record…</source>
        <translation>正在生成“四议两公开”工作记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="87"/>
        <source>Printing the publicity sheet…</source>
        <translation>正在生成村务公开单…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="96"/>
        <source>Decision record (四议两公开工作记录)</source>
        <translation>四议两公开工作记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="99"/>
        <source>One deliberation step by step: dates, places, attendance with its basis, votes, verdicts and the text as decided at each step.</source>
        <translation>一个事项的每个步骤：日期、地点、到会人数及口径、表决结果、结论，以及每一步议定的内容。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="111"/>
        <source>A decided deliberation&apos;s resolution (or its result) to print and post, with the posting period and a blank for the seal.</source>
        <translation>已决议事项的决议（或实施结果），可打印张贴，含公开时间和盖章处。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="108"/>
        <source>Village affairs publicity sheet (村务公开栏)</source>
        <translation>村务公开栏（公开单）</translation>
    </message>
</context>
<context>
    <name>DeliberationsModel</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="26"/>
        <source>Deliberation</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="27"/>
        <source>Category</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="28"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="29"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="31"/>
        <source>Last step</source>
        <translation>已办步骤</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="32"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="33"/>
        <source>Rule findings</source>
        <translation>规则检查</translation>
    </message>
</context>
<context>
    <name>DeliberationsPage</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="97"/>
        <source>New deliberation…</source>
        <translation>新建事项…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="98"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="99"/>
        <source>Edit text…</source>
        <translation>修改内容…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="100"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="101"/>
        <source>Reject…</source>
        <translation>未通过…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="102"/>
        <source>Propose again</source>
        <translation>重新提议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="103"/>
        <source>Add photo of the posting…</source>
        <translation>添加公开照片…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="104"/>
        <source>Posting ended…</source>
        <translation>公开结束…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="169"/>
        <source>No deliberation selected.</source>
        <translation>未选择事项。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="281"/>
        <source>Withdraw the deliberation</source>
        <translation>撤回事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="284"/>
        <source>The deliberation was not approved</source>
        <translation>事项未获通过</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="172"/>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="198"/>
        <source>Record the next step</source>
        <translation>记录下一步</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="194"/>
        <source>What is next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="195"/>
        <source>Record: %1…</source>
        <translation>记录：%1…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="299"/>
        <source>Photo of the posting</source>
        <translation>公开照片</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="309"/>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="316"/>
        <source>Posting ended</source>
        <translation>公开结束</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="309"/>
        <source>Last day posted (YYYY-MM-DD)</source>
        <translation>公开的最后一天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="316"/>
        <source>Not a date: %1</source>
        <translation>不是有效日期：%1</translation>
    </message>
</context>
<context>
    <name>DetailHtml</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="51"/>
        <source>%1-%2-%3</source>
        <translation>%1年%4月%5日</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="58"/>
        <source>%1 | %2</source>
        <translation>%1&#x3000;%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="62"/>
        <source>Round %1</source>
        <translation>第%1轮</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="69"/>
        <source>not applicable</source>
        <translation>不涉及</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="75"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="83"/>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="88"/>
        <source>Previous round: %1</source>
        <translation>上一轮：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="103"/>
        <source>expected %1, present %2 (basis: %3)</source>
        <translation>应到%1、实到%2（口径：%3）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="111"/>
        <source>yes %1, no %2, abstain %3</source>
        <translation>赞成%1、反对%2、弃权%3</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="119"/>
        <source>villagers&apos; assembly</source>
        <translation>村民会议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="120"/>
        <source>villagers&apos; representatives&apos; meeting</source>
        <translation>村民代表会议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="125"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="126"/>
        <source>still posted</source>
        <translation>至今（仍在公开）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="127"/>
        <source>%1; %2 to %3</source>
        <translation>%1；%2至%3</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="131"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="135"/>
        <source> (held together with the previous step)</source>
        <translation>（与上一步合并召开）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="143"/>
        <source> (linked to the general meeting record)</source>
        <translation>（关联支部党员大会记录）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="148"/>
        <source>Notice given on %1</source>
        <translation>通知日期：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="150"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>照片%n张</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="156"/>
        <source>%1. %2: not yet taken</source>
        <translation>%1. %2：尚未办理</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="161"/>
        <source>Version %1</source>
        <translation>第%1稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/detail.py" line="164"/>
        <source>: </source>
        <translation>：</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="132"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="133"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="155"/>
        <source>Record: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="173"/>
        <source>Held together with the joint meeting (一肩挑)</source>
        <translation>与两委会议合并召开（一肩挑）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="165"/>
        <source>Text as posted</source>
        <translation>公开内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="165"/>
        <source>Text as decided</source>
        <translation>议定内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="167"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="193"/>
        <source>(type the counts here)</source>
        <translation>（在此直接填写人数）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="198"/>
        <source>General meeting record</source>
        <translation>支部党员大会记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="199"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="200"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="207"/>
        <source>Counts refer to</source>
        <translation>人数口径</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="209"/>
        <source>Notice given on</source>
        <translation>会议通知日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="262"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="213"/>
        <source>yes</source>
        <translation>赞成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="213"/>
        <source>no</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="213"/>
        <source>abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="214"/>
        <source>Expected</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="215"/>
        <source>Present</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="219"/>
        <source>Votes</source>
        <translation>表决票数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="220"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="235"/>
        <source>Posted on</source>
        <translation>公开方式</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="236"/>
        <source>Posted from</source>
        <translation>公开开始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="237"/>
        <source>Posted until</source>
        <translation>公开结束日期</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="103"/>
        <source>Edit the text</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="108"/>
        <source>Versions a step has decided stay as they were; your edit becomes the next version.</source>
        <translation>已被会议议定的稿本保持不变；本次修改将成为新的一稿。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="113"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
</TS>
