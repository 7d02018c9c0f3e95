<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeliberationReports</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="45" />
        <source>Save the PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="73" />
        <source>Printing the decision record…</source>
        <translation>正在生成“四议两公开”工作记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="83" />
        <source>Printing the publicity sheet…</source>
        <translation>正在生成村务公开单…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="92" />
        <source>Decision record (四议两公开工作记录)</source>
        <translation>四议两公开工作记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="95" />
        <source>One matter step by step: dates, places, attendance with its basis, votes, verdicts and the text as decided at each step.</source>
        <translation>一个事项的每个步骤：日期、地点、到会人数及口径、表决结果、结论，以及每一步议定的内容。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="104" />
        <source>Village affairs publicity sheet (村务公开栏)</source>
        <translation>村务公开栏（公开单）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="107" />
        <source>A decided matter's resolution (or its result) to print and post, with the posting period and a blank for the seal.</source>
        <translation>已决议事项的决议（或实施结果），可打印张贴，含公开时间和盖章处。</translation>
    </message>
</context>
<context>
    <name>DeliberationUndo</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/undo.py" line="67" />
        <source>Edit the text</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/undo.py" line="97" />
        <source>Edit {title}</source>
        <translation>修改“{title}”</translation>
    </message>
</context>
<context>
    <name>DeliberationsPage</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="99" />
        <source>New matter…</source>
        <translation>新建事项…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="100" />
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="101" />
        <source>Edit text…</source>
        <translation>修改内容…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="102" />
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="103" />
        <source>Reject…</source>
        <translation>未通过…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="104" />
        <source>Propose again</source>
        <translation>重新提议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="105" />
        <source>Add photo of the posting…</source>
        <translation>添加公开照片…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="106" />
        <source>Posting ended…</source>
        <translation>公开结束…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="142" />
        <source>No matter selected.</source>
        <translation>未选择事项。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="145" />
        <location filename="../../../villagebook/ui/deliberations/page.py" line="162" />
        <source>Record the next step</source>
        <translation>记录下一步</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="158" />
        <source>What is next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="159" />
        <source>Record: %1…</source>
        <translation>记录：%1…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="306" />
        <source>Withdraw the matter</source>
        <translation>撤回事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="309" />
        <source>The matter was not approved</source>
        <translation>事项未获通过</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="328" />
        <source>Photo of the posting</source>
        <translation>公开照片</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="339" />
        <location filename="../../../villagebook/ui/deliberations/page.py" line="346" />
        <source>Posting ended</source>
        <translation>公开结束</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="339" />
        <source>Last day posted (YYYY-MM-DD)</source>
        <translation>公开的最后一天（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/page.py" line="346" />
        <source>Not a date: %1</source>
        <translation>不是有效日期：%1</translation>
    </message>
</context>
<context>
    <name>MatterChoice</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="23" />
        <source>Choose a matter</source>
        <translation>选择事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/reports.py" line="35" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>MatterDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="62" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="71" />
        <source>yuan, e.g. 386000.00; empty if none</source>
        <translation>单位：元，例如 386000.00；不涉及金额可不填</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="73" />
        <source>Title</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="74" />
        <source>Category</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="75" />
        <source>Amount (yuan)</source>
        <translation>涉及金额（元）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="78" />
        <source>Proposal</source>
        <translation>提议内容</translation>
    </message>
</context>
<context>
    <name>MattersModel</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="29" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="30" />
        <source>Category</source>
        <translation>事项类别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="31" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="32" />
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="33" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="34" />
        <source>Last step</source>
        <translation>已办步骤</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="35" />
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/model.py" line="36" />
        <source>Rule findings</source>
        <translation>规则检查</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="129" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="130" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="152" />
        <source>Record: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="157" />
        <source>Held together with the joint meeting (一肩挑)</source>
        <translation>与两委会议合并召开（一肩挑）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="176" />
        <source>Text as posted</source>
        <translation>公开内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="176" />
        <source>Text as decided</source>
        <translation>议定内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="178" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="187" />
        <source>(type the counts here)</source>
        <translation>（在此直接填写人数）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="190" />
        <source>General meeting record</source>
        <translation>支部党员大会记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="191" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="192" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="197" />
        <source>Counts refer to</source>
        <translation>人数口径</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="199" />
        <source>Notice given on</source>
        <translation>会议通知日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="204" />
        <source>expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="205" />
        <source>present</source>
        <translation>实到</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="206" />
        <source>yes</source>
        <translation>赞成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="207" />
        <source>no</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="208" />
        <source>abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="210" />
        <source>Expected</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="211" />
        <source>Present</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="215" />
        <source>Votes</source>
        <translation>表决票数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="216" />
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="231" />
        <source>Posted on</source>
        <translation>公开方式</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="232" />
        <source>Posted from</source>
        <translation>公开开始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="233" />
        <source>Posted until</source>
        <translation>公开结束日期</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="100" />
        <source>Edit the text</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="105" />
        <source>Versions a step has decided stay as they were; your edit becomes the next version.</source>
        <translation>已被会议议定的稿本保持不变；本次修改将成为新的一稿。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/deliberations/dialogs.py" line="110" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
</TS>