<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="35"/>
        <source>“%1” (%2) signed this file with a key this installation does not know yet.

Fingerprint:
%3

Compare it with the sender (by telephone) before you trust it. Trust this signer?</source>
        <translation>“%1”（%2）用本安装尚不认识的密钥签名了这个文件。

证书指纹：
%3

请先与对方（打电话）核对指纹，再决定是否信任。信任这个签名者吗？</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="40"/>
        <source>Warning: this branch&apos;s earlier bundles were signed by another key.</source>
        <translation>注意：该支部此前的数据包由另一个密钥签名。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="48"/>
        <source>Unknown signer</source>
        <translation>未知的签名者</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="76"/>
        <location filename="../../../villagebook/ui/township/actions.py" line="87"/>
        <location filename="../../../villagebook/ui/township/actions.py" line="111"/>
        <source>Send to township</source>
        <translation>报送乡镇</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="78"/>
        <source>Send only what changed since the township&apos;s last receipt?

Yes: the changes only. No: every record again (a full bundle).</source>
        <translation>只报送乡镇上次回执以来变更的记录吗？

是：只报送变更。否：重新报送全部记录（完整数据包）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="94"/>
        <source>Writing the bundle…</source>
        <translation>正在写出数据包…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="100"/>
        <source>The bundle %1 holds %2 record(s), %3 deletion(s) and %4 attachment(s), up to change %5. Take it to the township (e.g. on a USB stick).</source>
        <translation>数据包 %1 包含 %2 条记录、%3 条删除和 %4 个附件，至第 %5 号变更。请（例如用U盘）送交乡镇。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="115"/>
        <source>Import the township&apos;s receipt</source>
        <translation>导入乡镇回执</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="124"/>
        <source>%1 received your data up to change %2 and sent %3 comment(s).</source>
        <translation>%1 已收到本支部至第 %2 号变更的数据，发来审核意见 %3 条。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="131"/>
        <source>Its rule set %1 is now in force (the previous one is kept).</source>
        <translation>已采用乡镇规则 %1（原规则保留在历史中）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="134"/>
        <source>Receipt imported</source>
        <translation>回执已导入</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="147"/>
        <source>Importing bundles…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="157"/>
        <source>%1: imported before, nothing changed</source>
        <translation>%1：此前已导入，未作改动</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="160"/>
        <source>%1: %2 — %3 new, %4 updated, %5 unchanged, %6 deleted, %7 conflict(s)</source>
        <translation>%1：%2 — 新增 %3，更新 %4，相同 %5，删除 %6，冲突 %7</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="173"/>
        <source>%1: refused. %2</source>
        <translation>%1：未导入。%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="174"/>
        <source>Bundles imported</source>
        <translation>数据包导入结果</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="180"/>
        <location filename="../../../villagebook/ui/township/actions.py" line="191"/>
        <source>Write a receipt</source>
        <translation>写回执</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/actions.py" line="185"/>
        <source>Receipt for %1 written: received up to change %2, %3 comment(s).</source>
        <translation>已写出给 %1 的回执：已收至第 %2 号变更，审核意见 %3 条。</translation>
    </message>
</context>
<context>
    <name>CommentsDialog</name>
    <message>
        <location filename="../../../villagebook/ui/township/comments.py" line="56"/>
        <source>Township comments</source>
        <translation>乡镇审核意见</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../../villagebook/ui/township/comments.py" line="40"/>
        <source>Township comments (%1)</source>
        <translation>乡镇审核意见（%1）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/comments.py" line="48"/>
        <source>No comments from the township yet.</source>
        <translation>乡镇还没有审核意见。</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="36"/>
        <source>Conflicts waiting</source>
        <translation>待处理冲突</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="39"/>
        <source>Keep the township&apos;s copy</source>
        <translation>保留乡镇已有的记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="40"/>
        <source>Take the bundle&apos;s value</source>
        <translation>采用数据包中的记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="51"/>
        <source>Records a bundle brought that were not merged:</source>
        <translation>数据包带来但未合并的记录：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="68"/>
        <source>No conflicts are waiting.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="78"/>
        <source>Township&apos;s copy: version %1, %2, %3</source>
        <translation>乡镇已有：版本 %1，%2，%3</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="82"/>
        <source>Bundle&apos;s value: version %1, %2, %3</source>
        <translation>数据包：版本 %1，%2，%3</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/conflicts.py" line="89"/>
        <source>The id belongs to %1.</source>
        <translation>该编号属于 %1。</translation>
    </message>
</context>
<context>
    <name>TownshipInitDialog</name>
    <message>
        <location filename="../../../villagebook/ui/township/dialogs.py" line="16"/>
        <source>Township installation</source>
        <translation>乡镇安装</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/dialogs.py" line="22"/>
        <source>A county (its view groups branches by township)</source>
        <translation>县级（按乡镇分组汇总各支部）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/dialogs.py" line="23"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/dialogs.py" line="24"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/dialogs.py" line="25"/>
        <source>County</source>
        <translation>县</translation>
    </message>
</context>
<context>
    <name>TownshipPage</name>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="58"/>
        <source>Drop the branches&apos; bundles (.vbbundle) here, or use Import bundles…</source>
        <translation>把各支部的数据包（.vbbundle）拖到这里，或点击“导入数据包…”</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="64"/>
        <source>Branch</source>
        <translation>支部</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="65"/>
        <source>Activities this quarter (held/required)</source>
        <translation>本季度会议活动（已开/应开）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="66"/>
        <source>Development overdue</source>
        <translation>发展逾期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="67"/>
        <source>Deliberations open</source>
        <translation>四议两公开未结</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="68"/>
        <source>Findings open</source>
        <translation>问题未处理（违规）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="69"/>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="70"/>
        <source>Last received</source>
        <translation>最近报送</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="71"/>
        <source>Up to change</source>
        <translation>已收至变更</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="72"/>
        <source>Conflicts</source>
        <translation>待处理冲突</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="85"/>
        <source>Import bundles…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="86"/>
        <source>View branch</source>
        <translation>查看支部</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="87"/>
        <source>Comment…</source>
        <translation>审核意见…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="88"/>
        <source>Write receipt…</source>
        <translation>写回执…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="89"/>
        <source>Conflicts…</source>
        <translation>冲突…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="90"/>
        <source>Print summary…</source>
        <translation>打印汇总表…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="121"/>
        <source>%1 — quarter %2 of %3, as of %4 — %5 branch(es)</source>
        <translation>%1 — %3年第%2季度，截至%4 — 共%5个支部</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="182"/>
        <source>%1 (%2 branches)</source>
        <translation>%1（%2个支部）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="185"/>
        <source>%1 branch(es) short of activities</source>
        <translation>%1个支部会议活动不足</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="210"/>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="225"/>
        <source>Comment for %1</source>
        <translation>给%1的审核意见</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="226"/>
        <source>Your comment (审核意见), sent back with the next receipt:</source>
        <translation>审核意见（随下一份回执发给支部）：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/township/page.py" line="233"/>
        <source>Comment recorded</source>
        <translation>审核意见已记录</translation>
    </message>
</context>
</TS>
