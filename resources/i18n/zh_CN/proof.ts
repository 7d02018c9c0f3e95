<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>IdentityPanel</name>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="34" />
        <source>This installation's signing certificate</source>
        <translation>本安装的签名证书</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="45" />
        <source>Export certificate…</source>
        <translation>导出证书…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="47" />
        <source>Trusted certificates…</source>
        <translation>信任列表…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="51" />
        <source>VillageBook signs every PDF with this installation's key, so an inspector can check with “villagebook verify” that it is unaltered. This is an integrity check (完整性校验), not a legal electronic seal (电子签章): handwritten signatures and the seal stay on paper. Give the township the certificate and read it the fingerprint by phone.</source>
        <translation>村务记事本用本安装的密钥为每份PDF签名，检查人员可用“villagebook verify”核验文件未被改动。这是完整性校验，不是电子签章：手写签名和公章仍以纸质为准。请把证书交给乡镇，并通过电话向对方读出指纹核对。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="75" />
        <source>Not made yet: it is made with the first PDF (or by exporting it).</source>
        <translation>尚未生成：生成第一份PDF（或导出证书）时自动生成。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="80" />
        <source>protected by the app-lock password</source>
        <translation>受程序锁密码保护</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="82" />
        <source>no app-lock password</source>
        <translation>未设程序锁密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="85" />
        <source>Branch: %1 (%2)
Installation ID: %3
Key: %4</source>
        <translation>支部：%1（%2）
安装编号：%3
签名密钥：%4</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="92" />
        <source>Fingerprint (SHA-256): %1</source>
        <translation>证书指纹（SHA-256）：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="98" />
        <source>Export certificate</source>
        <translation>导出证书</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="100" />
        <source>Certificates (*.pem)</source>
        <translation>证书 (*.pem)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="107" />
        <source>Certificate exported.</source>
        <translation>证书已导出。</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="120" />
        <source>Trusted certificates</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="124" />
        <source>Add certificate…</source>
        <translation>添加证书…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="126" />
        <location filename="../../../villagebook/ui/proof/identity.py" line="187" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="136" />
        <source>PDFs signed by these installations verify as known. Add a branch's certificate only after confirming its fingerprint by phone.</source>
        <translation>由这些安装签名的PDF核验时视为可信。请先电话核对指纹，再添加支部的证书。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="162" />
        <location filename="../../../villagebook/ui/proof/identity.py" line="175" />
        <source>Add certificate</source>
        <translation>添加证书</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="162" />
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>证书 (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="170" />
        <source>Trust %1 (%2)?

Fingerprint:
%3

Confirm it by phone first.</source>
        <translation>信任“%1”（%2）？

证书指纹：
%3

请先电话核对指纹。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/identity.py" line="187" />
        <source>Remove this certificate from the trust list?</source>
        <translation>把这个证书移出信任列表？</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="62" />
        <source>Open a PDF…</source>
        <extracomment>Verdict → colour of the verdict line.</extracomment>
        <translation>打开PDF…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="65" />
        <source>…or drop a VillageBook PDF anywhere on this page.</source>
        <translation>……或把村务记事本生成的PDF拖到本页任意位置。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="71" />
        <source>No PDF checked yet.</source>
        <translation>尚未校验PDF。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="84" />
        <source>This is an integrity check (完整性校验) made by the branch's own VillageBook installation, not a legal electronic seal (电子签章): handwritten signatures and the official seal stay on paper.</source>
        <translation>这是由本支部的村务记事本安装完成的完整性校验，不是电子签章：手写签名和公章仍以纸质为准。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="99" />
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="106" />
        <source>Check a PDF</source>
        <translation>校验PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="106" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="122" />
        <source>Checking the PDF…</source>
        <translation>正在校验PDF…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="142" />
        <source>Report: %1 (%2), ID %3, period %4</source>
        <translation>报表：%1（%2），编号 %3，期间 %4</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="149" />
        <source>Generated %1 by %2</source>
        <translation>生成：%1，%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="156" />
        <source>Signed by: %1 (%2), %3</source>
        <translation>签名者：%1（%2），%3</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="161" />
        <source>Certificate fingerprint: %1</source>
        <translation>证书指纹：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/proof/page.py" line="169" />
        <source>Records: SHA-256 %1…  %2</source>
        <translation>记录：SHA-256 %1…　%2</translation>
    </message>
</context>
</TS>