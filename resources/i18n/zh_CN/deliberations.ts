<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeliberationChoice</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="29"/>
        <source>Choose a deliberation</source>
        <translation>选择事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="37"/>
        <source> (round %1)</source>
        <translation>（第%1轮）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="39"/>
        <source>%1 | %2</source>
        <translation>%1&#x3000;%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="41"/>
        <source>Deliberation</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>DeliberationDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="64"/>
        <source>Deliberation</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="74"/>
        <source>yuan, e.g. 386000.00; empty if none</source>
        <translation>单位：元，例如 386000.00；不涉及金额可不填</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="76"/>
        <source>Title</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="77"/>
        <source>Category</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="78"/>
        <source>Amount (yuan)</source>
        <translation>涉及金额（元）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="81"/>
        <source>Proposal</source>
        <translation>提议内容</translation>
    </message>
</context>
<context>
    <name>DeliberationReports</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="86"/>
        <source>Decision record (四议两公开工作记录)</source>
        <translation>四议两公开工作记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="89"/>
        <source>One deliberation step by step: dates, places, attendance with its basis, votes, verdicts and the text as decided at each step.</source>
        <translation>一个事项的每个步骤：日期、地点、到会人数及口径、表决结果、结论，以及每一步议定的内容。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="101"/>
        <source>A decided deliberation&apos;s resolution (or its result) to print and post, with the posting period and a blank for the seal.</source>
        <translation>已决议事项的决议（或实施结果），可打印张贴，含公开时间和盖章处。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="98"/>
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
        <location filename="../../../villagebook/ui/deliberations/page.py" line="99"/>
        <source>New deliberation…</source>
        <translation>新建事项…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="100"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="101"/>
        <source>Edit text…</source>
        <translation>修改内容…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="102"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="103"/>
        <source>Reject…</source>
        <translation>未通过…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="104"/>
        <source>Propose again</source>
        <translation>重新提议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="105"/>
        <source>Add photo of the posting…</source>
        <translation>添加公开照片…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="106"/>
        <source>Posting ended…</source>
        <translation>公开结束…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="107"/>
        <source>Print the record…</source>
        <translation>打印工作记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="109"/>
        <source>Preview the decision record (四议两公开工作记录), print it or save a PDF</source>
        <translation>预览四议两公开工作记录，然后打印或保存为PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="111"/>
        <source>Print the publicity sheet…</source>
        <translation>打印公开栏…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="178"/>
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
        <location filename="../../../villagebook/ui/deliberations/page.py" line="181"/>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="207"/>
        <source>Record the next step</source>
        <translation>记录下一步</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="203"/>
        <source>What is next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="204"/>
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
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="133"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="134"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="157"/>
        <source>Record: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="177"/>
        <source>Held together with the joint meeting (一肩挑)</source>
        <translation>与两委会议合并召开（一肩挑）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="169"/>
        <source>Text as posted</source>
        <extracomment>The general meeting of the member meeting&apos;s date (DLB-MEETING-LINK).</extracomment>
        <translation>公开内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="169"/>
        <source>Text as decided</source>
        <translation>议定内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="171"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="201"/>
        <source>(type the counts here)</source>
        <translation>（在此直接填写人数）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="197"/>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="206"/>
        <source>General meeting record</source>
        <translation>支部党员大会记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="207"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="208"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="215"/>
        <source>Counts refer to</source>
        <translation>人数口径</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="217"/>
        <source>Notice given on</source>
        <translation>会议通知日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="283"/>
        <source>No verdict: the counts above are impossible</source>
        <translation>无法得出结论：上面的人数或票数有误</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="288"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="221"/>
        <source>yes</source>
        <translation>赞成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="221"/>
        <source>no</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="221"/>
        <source>abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="222"/>
        <source>Expected</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="223"/>
        <source>Present</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="227"/>
        <source>Votes</source>
        <translation>表决票数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="228"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="257"/>
        <source>Posted on</source>
        <translation>公开方式</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="258"/>
        <source>Posted from</source>
        <translation>公开开始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="259"/>
        <source>Posted until</source>
        <translation>公开结束日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="342"/>
        <source>(no meeting record: type the counts here)</source>
        <translation>（没有会议记录：在此填写人数和票数）</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="104"/>
        <source>Edit the text</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="109"/>
        <source>Versions a step has decided stay as they were; your edit becomes the next version.</source>
        <translation>已被会议议定的稿本保持不变；本次修改将成为新的一稿。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="114"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
</TS>
