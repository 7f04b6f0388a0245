<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AcceptPreviewDialog</name>
        <message>
            <location filename="../../app/ui/suggestions_model.py" line="164" />
            <source>Accept suggestions</source>
            <translation>接受编码建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_model.py" line="167" />
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_model.py" line="168" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_model.py" line="169" />
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_model.py" line="170" />
            <source>Passage</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_model.py" line="174" />
            <source>{n} suggestion(s) scoring {t:.2f} or more will become codings (one undo step):</source>
            <translation>以下 {n} 条得分不低于 {t:.2f} 的建议将转为编码片段（可一步撤销）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_model.py" line="179" />
            <source>Accept all</source>
            <translation>全部接受</translation>
        </message>
    </context>
    <context>
        <name>AttributesDialog</name>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="36" />
            <source>Attributes of “{name}”</source>
            <translation>“{name}”的属性变量</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="45" />
            <source>new attribute name</source>
            <translation>新属性变量名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="48" />
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="48" />
            <source>number</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="49" />
            <source>date (YYYY-MM-DD)</source>
            <translation>日期（YYYY-MM-DD）</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="50" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="56" />
            <source>New attribute:</source>
            <translation>新属性变量：</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="70" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="71" />
            <source>Delete the attribute “{name}” and its values in every document (Undo brings them back)</source>
            <translation>删除属性「{name}」及其在所有文档中的取值（可撤销）</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="85" />
            <source>Delete attribute</source>
            <translation>删除属性</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="86" />
            <source>Delete the attribute “{name}” and its values in every document? (Undo brings them back.)</source>
            <translation>删除属性「{name}」及其在所有文档中的取值？（撤销可恢复。）</translation>
        </message>
        <message>
            <location filename="../../app/ui/attributes_dialog.py" line="119" />
            <location filename="../../app/ui/attributes_dialog.py" line="126" />
            <source>Edit attributes</source>
            <translation>编辑属性变量</translation>
        </message>
    </context>
    <context>
        <name>CasesPanel</name>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="42" />
            <source>Case</source>
            <translation>案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="43" />
            <source>Documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="44" />
            <source>Passages</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="62" />
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="63" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="64" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="65" />
            <source>Add document</source>
            <translation>添加文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="66" />
            <source>Add selection</source>
            <translation>添加选中文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="130" />
            <source>Cases</source>
            <translation>案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="115" />
            <source>(no members yet)</source>
            <translation>（尚无成员）</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="138" />
            <source>New case</source>
            <translation>新建案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="138" />
            <source>Name of the case:</source>
            <translation>案例名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="149" />
            <source>Rename case</source>
            <translation>重命名案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/cases_panel.py" line="149" />
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
    </context>
    <context>
        <name>CodePanel</name>
        <message>
            <location filename="../../app/ui/code_panel.py" line="169" />
            <source>Apply code to selection</source>
            <translation>将编码应用于选中文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="227" />
            <source>(no description)</source>
            <translation>（无说明）</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="252" />
            <source>New top-level code…</source>
            <translation>新建一级编码…</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="254" />
            <source>New child code…</source>
            <translation>新建下级编码…</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="256" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="257" />
            <source>Colour…</source>
            <translation>颜色…</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="258" />
            <source>Pin to number key</source>
            <translation>绑定到数字键</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="264" />
            <source>Unpin</source>
            <translation>取消绑定</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="265" />
            <source>Memo…</source>
            <translation>备忘录…</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="266" />
            <source>Merge into…</source>
            <translation>合并到…</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="268" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="277" />
            <source>New code</source>
            <translation>新建编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="277" />
            <source>Name of the new code:</source>
            <translation>新编码的名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="283" />
            <source>The code could not be added.</source>
            <translation>无法添加该编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="287" />
            <location filename="../../app/ui/code_panel.py" line="334" />
            <source>Codes</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="297" />
            <source>Rename code</source>
            <translation>重命名编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="297" />
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="303" />
            <source>The code could not be renamed.</source>
            <translation>无法重命名该编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="311" />
            <source>Code colour</source>
            <translation>编码颜色</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="325" />
            <source>The code could not be moved.</source>
            <translation>无法移动该编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="344" />
            <source>Code memo</source>
            <translation>编码备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="360" />
            <source>Merge codes</source>
            <translation>合并编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="361" />
            <source>Merge “{name}” into (its codings and child codes move there):</source>
            <translation>将“{name}”合并到（其编码片段和下级编码将移至该编码）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="383" />
            <source>Delete code</source>
            <translation>删除编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/code_panel.py" line="384" />
            <source>Delete “{path}”, its {children} child code(s) and {codings} coding(s)?</source>
            <translation>删除“{path}”及其 {children} 个下级编码和 {codings} 个编码片段吗？</translation>
        </message>
    </context>
    <context>
        <name>CodeTreeModel</name>
        <message>
            <location filename="../../app/ui/models.py" line="299" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/models.py" line="299" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../app/ui/models.py" line="299" />
            <source>This doc</source>
            <translation>本文档</translation>
        </message>
    </context>
    <context>
        <name>CodebookCommands</name>
        <message>
            <location filename="../../app/ui/codebook_commands.py" line="50" />
            <source>Import codebook {file}</source>
            <translation>导入编码簿 {file}</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_commands.py" line="86" />
            <source>Choose example</source>
            <translation>选为编码示例</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_commands.py" line="87" />
            <source>Drop example</source>
            <translation>取消编码示例</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_commands.py" line="94" />
            <source>Merge template {name}</source>
            <translation>合并模板 {name}</translation>
        </message>
    </context>
    <context>
        <name>CodebookDialog</name>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="181" />
            <location filename="../../app/ui/codebook_dialog.py" line="511" />
            <source>Codebook</source>
            <translation>编码簿</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="209" />
            <source>separate with ； or new lines</source>
            <translation>用“；”或换行分隔</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="212" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="213" />
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="214" />
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="215" />
            <source>Short definition</source>
            <translation>简短定义</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="216" />
            <source>Definition</source>
            <translation>定义</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="217" />
            <source>When to use</source>
            <translation>适用情形</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="218" />
            <source>When not to use</source>
            <translation>不适用情形</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="219" />
            <source>Typical example</source>
            <translation>典型例子</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="220" />
            <source>Keywords and synonyms</source>
            <translation>关键词与同义词</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="223" />
            <source>Apply changes</source>
            <translation>应用修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="235" />
            <source>Passages coded with it (checked: in the coding-example table):</source>
            <translation>使用该编码的片段（勾选者列入编码示例表）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="239" />
            <source>Add top-level code…</source>
            <translation>添加一级编码…</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="240" />
            <source>Add sub-code…</source>
            <translation>添加下级编码…</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="241" />
            <location filename="../../app/ui/codebook_dialog.py" line="461" />
            <source>Delete code</source>
            <translation>删除编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="242" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="243" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="244" />
            <source>Merge a framework template…</source>
            <translation>合并框架模板…</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="321" />
            <source>No code chosen.</source>
            <translation>未选择编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="380" />
            <source>The code could not be changed.</source>
            <translation>无法修改该编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="388" />
            <source>The code could not be added.</source>
            <translation>无法添加该编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="400" />
            <source>The code could not be deleted.</source>
            <translation>无法删除该编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="412" />
            <source>The example could not be chosen.</source>
            <translation>无法设置编码示例。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="419" />
            <source>The template could not be merged.</source>
            <translation>无法合并该模板。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="430" />
            <source>The codebook could not be read.</source>
            <translation>无法读取该编码簿。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="437" />
            <source>Nothing was imported.</source>
            <translation>未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="447" />
            <source>The codebook could not be exported.</source>
            <translation>无法导出编码簿。</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="452" />
            <source>New code</source>
            <translation>新建编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="452" />
            <source>Name of the new code:</source>
            <translation>新编码的名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="462" />
            <source>Delete “{path}”, its sub-codes and their codings? (Undo brings them back.)</source>
            <translation>删除“{path}”及其下级编码和所有编码片段吗？（可撤销恢复。）</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="469" />
            <source>Code colour</source>
            <translation>编码颜色</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="475" />
            <location filename="../../app/ui/codebook_dialog.py" line="481" />
            <source>Import codebook</source>
            <translation>导入编码簿</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="475" />
            <source>Codebooks (*.qdc *.qde *.qdpx *.xlsx *.csv)</source>
            <translation>编码簿 (*.qdc *.qde *.qdpx *.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="482" />
            <source>Merge {file} into this project?</source>
            <translation>将 {file} 合并到本项目吗？</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="493" />
            <source>Merge a framework template</source>
            <translation>合并框架模板</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="494" />
            <source>Codes and stages the project lacks are added; empty fields are filled:</source>
            <translation>将补充项目中没有的编码和阶段，并填写空白字段：</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="503" />
            <location filename="../../app/ui/codebook_dialog.py" line="507" />
            <source>Export codebook</source>
            <translation>导出编码簿</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="504" />
            <source>Word (*.docx);;Excel (*.xlsx);;REFI-QDA codebook (*.qdc);;CSV (*.csv);;Markdown (*.md)</source>
            <translation>Word 文档 (*.docx);;Excel 表格 (*.xlsx);;REFI-QDA 编码簿 (*.qdc);;CSV (*.csv);;Markdown (*.md)</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="505" />
            <source>codebook</source>
            <translation>编码簿</translation>
        </message>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="508" />
            <source>Wrote {file}.</source>
            <translation>已写出 {file}。</translation>
        </message>
    </context>
    <context>
        <name>CodebookTreeModel</name>
        <message>
            <location filename="../../app/ui/codebook_dialog.py" line="122" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
    </context>
    <context>
        <name>CoderRoute</name>
        <message>
            <location filename="../../app/ui/coders.py" line="39" />
            <source>Who is coding: every new coding, memo and stage span records it. Click to change.</source>
            <translation>当前编码者：每个新的编码片段、备忘录和阶段片段都记录这个名字。点击可更换。</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="46" />
            <source>&amp;Blind coding (hide other coders)</source>
            <translation>盲编码（隐藏其他编码者）(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="49" />
            <source>C&amp;hange coder…</source>
            <translation>更换编码者(&amp;H)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="51" />
            <source>&amp;Disagreements between coders…</source>
            <translation>编码者之间的分歧(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="52" />
            <source>&amp;Merge project…</source>
            <translation>合并项目(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="70" />
            <source>Coder: {coder} (blind)</source>
            <translation>编码者：{coder}（盲编码）</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="71" />
            <location filename="../../app/ui/coders.py" line="98" />
            <source>Coder: {coder}</source>
            <translation>编码者：{coder}</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="80" />
            <source>Who is coding?</source>
            <translation>谁在编码？</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="81" />
            <source>Coder (new codings, memos and stage spans record this name):</source>
            <translation>编码者（新的编码片段、备忘录和阶段片段记录这个名字）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="121" />
            <source>Blind coding is on: only your codings are shown.</source>
            <translation>盲编码已开启：只显示您的编码片段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/coders.py" line="122" />
            <source>Blind coding is off: every coder's codings are shown.</source>
            <translation>盲编码已关闭：显示所有编码者的编码片段。</translation>
        </message>
    </context>
    <context>
        <name>CodingMargin</name>
        <message>
            <location filename="../../app/ui/document_view.py" line="272" />
            <source>Stage: {name}</source>
            <translation>阶段：{name}</translation>
        </message>
    </context>
    <context>
        <name>ConvertAction</name>
        <message>
            <location filename="../../app/ui/convert_action.py" line="98" />
            <source>Convert &amp;script…</source>
            <translation>繁简转换(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="109" />
            <source>Open a document to convert its script.</source>
            <translation>请先打开一个文档再进行繁简转换。</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="132" />
            <source>Convert script</source>
            <translation>繁简转换</translation>
        </message>
    </context>
    <context>
        <name>ConvertDialog</name>
        <message>
            <location filename="../../app/ui/convert_action.py" line="25" />
            <source>Simplified Chinese</source>
            <translation>简体中文</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="26" />
            <source>Simplified Chinese, from Taiwan usage (軟體 → 软件)</source>
            <translation>简体中文，转换台湾用语（軟體 → 软件）</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="28" />
            <source>Simplified Chinese, from Hong Kong usage</source>
            <translation>简体中文，转换香港用语</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="29" />
            <source>Traditional Chinese</source>
            <translation>繁体中文</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="30" />
            <source>Traditional Chinese, Taiwan usage (软件 → 軟體)</source>
            <translation>繁体中文，台湾用语（软件 → 軟體）</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="32" />
            <source>Traditional Chinese, Hong Kong usage</source>
            <translation>繁体中文，香港用语</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="43" />
            <source>Convert script of {name}</source>
            <translation>繁简转换：{name}</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="54" />
            <source>Convert to:</source>
            <translation>转换为：</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="56" />
            <source>Codings, stage spans, case passages and memo anchors stay on their words.</source>
            <translation>编码片段、阶段范围、案例段落和备忘录锚点都留在原来的词语上。</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="82" />
            <source>The text is already in this script: nothing would change.</source>
            <translation>文本已是该字形：不会有任何改变。</translation>
        </message>
        <message>
            <location filename="../../app/ui/convert_action.py" line="85" />
            <source>{changed} character(s) change; {old} → {new} characters; {moved} range(s) move.</source>
            <translation>{changed} 个字符改变；{old} → {new} 个字符；{moved} 个范围移动。</translation>
        </message>
    </context>
    <context>
        <name>DisagreementWindow</name>
        <message>
            <location filename="../../app/ui/disagreements.py" line="113" />
            <source>Disagreements between coders</source>
            <extracomment>Marks of the passage kinds in the list (the pane colours say which coder has what).</extracomment>
            <translation>编码者之间的分歧</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="125" />
            <source>consensus</source>
            <translation>合议</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="128" />
            <source>Document:</source>
            <translation>文档：</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="128" />
            <source>Coder A:</source>
            <translation>编码者 A：</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="129" />
            <source>Coder B:</source>
            <translation>编码者 B：</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="129" />
            <source>Consensus coder:</source>
            <translation>合议编码者：</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="159" />
            <source>Accept &amp;A's</source>
            <translation>采纳 A 的编码(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="160" />
            <source>Accept &amp;B's</source>
            <translation>采纳 B 的编码(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="161" />
            <source>A&amp;ccept both</source>
            <translation>两者都采纳(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="164" />
            <source>Give the consensus coder every passage both coders coded alike</source>
            <translation>把两位编码者编码一致的所有段落交给合议编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="167" />
            <source>&amp;Previous</source>
            <translation>上一处(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="168" />
            <source>&amp;Next</source>
            <translation>下一处(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="268" />
            <source>Choose a document and two coders.</source>
            <translation>请选择一个文档和两位编码者。</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="278" />
            <source>A: {coder}</source>
            <translation>A：{coder}</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="279" />
            <source>B: {coder}</source>
            <translation>B：{coder}</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="282" />
            <source>only A</source>
            <translation>仅 A</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="282" />
            <source>only B</source>
            <translation>仅 B</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="282" />
            <source>different</source>
            <translation>范围不同</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="304" />
            <source>Passages: {n} · agreed: {agreed} ({percent}) · disagreements: {d} · settled: {s} of {d}</source>
            <translation>段落：{n} · 一致：{agreed}（{percent}）· 分歧：{d} · 已合议：{s}/{d}</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="310" />
            <source>κ = {kappa} · α = {alpha} over {n} sentences</source>
            <translation>一致性：κ = {kappa} · α = {alpha}（{n} 个句子）</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="315" />
            <source>Copy the agreed passages ({n} left)</source>
            <translation>复制一致的段落（剩余 {n} 处）</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="350" />
            <source>Accept {coder}'s “{code}”</source>
            <translation>采纳 {coder} 的「{code}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="351" />
            <source>Accept both “{code}”</source>
            <translation>两者都采纳「{code}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="359" />
            <location filename="../../app/ui/disagreements.py" line="381" />
            <source>The disagreement could not be settled.</source>
            <translation>无法解决这处分歧。</translation>
        </message>
        <message>
            <location filename="../../app/ui/disagreements.py" line="377" />
            <source>Copy the agreed passages to “{coder}”</source>
            <translation>把一致的段落复制给「{coder}」</translation>
        </message>
    </context>
    <context>
        <name>DocumentListModel</name>
        <message>
            <location filename="../../app/ui/models.py" line="69" />
            <source>{name}
{chars} characters, {codings} codings
source: {source} ({enc})</source>
            <translation>{name}
{chars} 字，{codings} 个编码片段
来源：{source}（{enc}）</translation>
        </message>
    </context>
    <context>
        <name>DocumentView</name>
        <message>
            <location filename="../../app/ui/document_view.py" line="381" />
            <location filename="../../app/ui/document_view.py" line="431" />
            <source>Coder</source>
            <translation>编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/document_view.py" line="381" />
            <location filename="../../app/ui/document_view.py" line="431" />
            <source>Memo</source>
            <translation>备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/document_view.py" line="620" />
            <source>Memo on coding “{code}”…</source>
            <translation>编码片段“{code}”的备忘录…</translation>
        </message>
        <message>
            <location filename="../../app/ui/document_view.py" line="623" />
            <source>Remove coding “{code}”</source>
            <translation>删除编码片段“{code}”</translation>
        </message>
    </context>
    <context>
        <name>DocumentsPanel</name>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="59" />
            <source>Properties…</source>
            <translation>文档信息…</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="61" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="62" />
            <source>Memo…</source>
            <translation>备忘录…</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="63" />
            <source>Attributes…</source>
            <translation>属性变量…</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="65" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="66" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="68" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="78" />
            <source>Rename document</source>
            <translation>重命名文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="78" />
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="101" />
            <source>Delete document</source>
            <translation>删除文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="102" />
            <source>Delete “{name}” and its {n} coding(s)? (Undo brings them back.)</source>
            <translation>删除“{name}”及其 {n} 个编码片段吗？（可撤销恢复。）</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="117" />
            <source>Document memo</source>
            <translation>文档备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="131" />
            <source>Properties of “{name}”</source>
            <translation>“{name}”的文档信息</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="134" />
            <source>Source file:</source>
            <translation>源文件：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="135" />
            <source>Format / encoding found:</source>
            <translation>识别的格式／编码：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="136" />
            <source>Characters:</source>
            <translation>字数：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="137" />
            <source>Sentences:</source>
            <translation>句数：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="138" />
            <source>Codings:</source>
            <translation>编码片段数：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="139" />
            <source>Imported:</source>
            <translation>导入时间：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="142" />
            <source>{speaker}: {turns} turn(s), {chars} characters</source>
            <translation>{speaker}：{turns} 个话轮，{chars} 字</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="146" />
            <source>Speakers:</source>
            <translation>说话人：</translation>
        </message>
        <message>
            <location filename="../../app/ui/documents_panel.py" line="154" />
            <source>Stage:</source>
            <translation>阶段：</translation>
        </message>
    </context>
    <context>
        <name>EditingActions</name>
        <message>
            <location filename="../../app/ui/editing.py" line="55" />
            <source>coding</source>
            <translation>编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="56" />
            <source>stage span</source>
            <translation>阶段区段</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="57" />
            <source>case passage</source>
            <translation>案例片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="58" />
            <source>rejected suggestion</source>
            <translation>已拒绝的建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="93" />
            <location filename="../../app/ui/editing.py" line="542" />
            <source>Edit text</source>
            <translation>编辑文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="100" />
            <source>Replace characters {start}–{end}:</source>
            <translation>替换第 {start}–{end} 个字符：</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="102" />
            <source>Insert at character {start}:</source>
            <translation>在第 {start} 个字符处插入：</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="119" />
            <source>Why (kept in the document history), e.g. transcription error</source>
            <translation>修改原因（记入文档修改记录），如：转录错误</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="170" />
            <location filename="../../app/ui/editing.py" line="353" />
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="171" />
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="172" />
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="217" />
            <source>Find and replace</source>
            <translation>查找和替换</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="226" />
            <source>Find:</source>
            <translation>查找：</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="227" />
            <source>Replace with:</source>
            <translation>替换为：</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="228" />
            <source>Only in the document shown</source>
            <translation>仅在当前文档中</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="232" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="237" />
            <source>Every hit is listed here before anything changes.</source>
            <translation>在做出任何修改前，所有匹配项都会列在这里。</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="255" />
            <source>Replace all</source>
            <translation>全部替换</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="352" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="354" />
            <source>Change</source>
            <translation>修改类型</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="355" />
            <source>Who</source>
            <translation>修改者</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="356" />
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="357" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="381" />
            <source>edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="382" />
            <source>replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="383" />
            <source>pseudonymisation</source>
            <translation>化名处理</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="415" />
            <source>Document history</source>
            <translation>文档修改记录</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="418" />
            <source>Only the document shown</source>
            <translation>仅当前文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="454" />
            <source>Edit &amp;text…</source>
            <translation>编辑文本(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="460" />
            <source>Find and &amp;replace…</source>
            <translation>查找和替换(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="466" />
            <source>&amp;Pseudonymise…</source>
            <translation>化名处理(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="469" />
            <source>Document &amp;history…</source>
            <translation>文档修改记录(&amp;H)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="79" />
            <source>The text could not be changed.</source>
            <translation>无法修改文本。</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="112" />
            <source>New text:</source>
            <translation>新文本：</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="149" />
            <source>Codings and spans stay on their words ({n} will move).</source>
            <translation>编码片段和区段仍附着在原来的文字上（{n} 处将随之移动）。</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="153" />
            <location filename="../../app/ui/editing.py" line="302" />
            <source>These lose all their words and will be removed (undo brings them back):</source>
            <translation>以下内容的文字将全部被删除，因而会被移除（可撤销恢复）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="525" />
            <source>Open a document and select the text to correct.</source>
            <translation>请打开文档并选中要更正的文本。</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="296" />
            <source>{n} hit(s) in {d} document(s).</source>
            <translation>{d} 个文档中共 {n} 处匹配。</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="320" />
            <source>Replace “{find}” with “{new}”</source>
            <translation>将“{find}”替换为“{new}”</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="388" />
            <source>{n} hit(s)</source>
            <translation>{n} 处结果</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="391" />
            <source>{n} name(s) replaced by pseudonyms</source>
            <translation>{n} 个名称已替换为化名</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="329" />
            <source>Replaced {n} hit(s). Edit → Undo takes it back.</source>
            <translation>已替换 {n} 处。可通过“编辑 → 撤销”恢复。</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="395" />
            <source>({n} removed)</source>
            <translation>（移除 {n} 处）</translation>
        </message>
        <message>
            <location filename="../../app/ui/editing.py" line="549" />
            <source>{n} coding(s) or span(s) lost all their words and were removed; undo brings them back.</source>
            <translation>{n} 处编码片段或区段的文字已全部删除，因而已被移除；可撤销恢复。</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <location filename="../../app/ui/errors.py" line="45" />
            <source>Guiji</source>
            <translation>轨迹</translation>
        </message>
        <message>
            <location filename="../../app/ui/errors.py" line="46" />
            <source>Something went wrong that Guiji did not expect. Your codings are saved as you make them, so nothing already done is lost.</source>
            <translation>轨迹遇到了意外错误。编码片段在操作时即已保存，已完成的工作不会丢失。</translation>
        </message>
        <message>
            <location filename="../../app/ui/errors.py" line="49" />
            <source>Details were written to the log file:</source>
            <translation>详细信息已写入日志文件：</translation>
        </message>
    </context>
    <context>
        <name>EvidenceDialog</name>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="148" />
            <source>Add evidence</source>
            <translation>添加证据</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="169" />
            <source>Process-tracing test:</source>
            <translation>过程追踪检验：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="170" />
            <source>The passage:</source>
            <translation>片段：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="171" />
            <source>Note:</source>
            <translation>注释：</translation>
        </message>
    </context>
    <context>
        <name>ExchangeActions</name>
        <message>
            <location filename="../../app/ui/exchange.py" line="46" />
            <source>documents</source>
            <translation>个文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="47" />
            <source>codes</source>
            <translation>个编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="48" />
            <source>codings</source>
            <translation>个编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="49" />
            <source>coders</source>
            <translation>位编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="50" />
            <source>cases</source>
            <translation>个案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="51" />
            <source>attributes</source>
            <translation>个属性变量</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="52" />
            <source>stages</source>
            <translation>个阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="53" />
            <source>memos</source>
            <translation>条备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="54" />
            <source>links</source>
            <translation>条关联</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="60" />
            <source>source</source>
            <translation>来源文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="61" />
            <source>selection</source>
            <translation>选区</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="62" />
            <source>coding</source>
            <translation>编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="63" />
            <source>code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="64" />
            <source>link</source>
            <translation>关联</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="65" />
            <source>graph</source>
            <translation>图</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="66" />
            <source>set</source>
            <translation>集合</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="67" />
            <source>case</source>
            <translation>案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="68" />
            <source>note</source>
            <translation>注释</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="158" />
            <source>Import REFI-QDA project (.qdpx)…</source>
            <translation>导入 REFI-QDA 项目 (.qdpx)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="163" />
            <source>Import RQDA project (.rqda)…</source>
            <translation>导入 RQDA 项目 (.rqda)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="168" />
            <source>Export as REFI-QDA project (.qdpx)…</source>
            <translation>导出为 REFI-QDA 项目 (.qdpx)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="194" />
            <source>Import REFI-QDA project</source>
            <translation>导入 REFI-QDA 项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="195" />
            <source>REFI-QDA projects (*.qdpx *.qde);;All files (*)</source>
            <translation>REFI-QDA 项目 (*.qdpx *.qde);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="204" />
            <source>Import RQDA project</source>
            <translation>导入 RQDA 项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="205" />
            <source>RQDA projects (*.rqda);;All files (*)</source>
            <translation>RQDA 项目 (*.rqda);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="215" />
            <source>New project for the import</source>
            <translation>为导入新建项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="276" />
            <source>Export as REFI-QDA project</source>
            <translation>导出为 REFI-QDA 项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="277" />
            <source>REFI-QDA projects (*.qdpx)</source>
            <translation>REFI-QDA 项目 (*.qdpx)</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="216" />
            <source>Guiji projects (*{suffix})</source>
            <translation>轨迹项目 (*{suffix})</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="248" />
            <source>Import cancelled; no project was created.</source>
            <translation>已取消导入，未创建项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="261" />
            <source>Importing {name}…</source>
            <translation>正在导入 {name}…</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="307" />
            <source>The project could not be exported.</source>
            <translation>无法导出项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="313" />
            <source>Exporting {name}…</source>
            <translation>正在导出 {name}…</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="252" />
            <source>The project could not be imported; no file was created.</source>
            <translation>无法导入项目，未创建任何文件。</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="294" />
            <source>Exported {n} documents and {m} codings to {file}.</source>
            <translation>已将 {n} 个文档和 {m} 个编码片段导出到 {file}。</translation>
        </message>
    </context>
    <context>
        <name>FigureExportDialog</name>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="41" />
            <source>Export figure</source>
            <extracomment>Builds the figure for given options (the timeline window passes its current data and filters).</extracomment>
            <translation>导出图表</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="49" />
            <source>85 mm (one column)</source>
            <translation>85 mm（单栏）</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="49" />
            <source>170 mm (two columns)</source>
            <translation>170 mm（双栏）</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="57" />
            <source>Greyscale (patterns and line styles instead of colour)</source>
            <translation>灰度（以图案和线型代替颜色）</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="66" />
            <source>automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="73" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="74" />
            <source>Width:</source>
            <translation>宽度：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="75" />
            <source>PNG resolution:</source>
            <translation>PNG 分辨率：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="76" />
            <source>Font:</source>
            <translation>字体：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="77" />
            <source>Font size:</source>
            <translation>字号：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="86" />
            <source>Save as SVG, PDF or PNG…</source>
            <translation>另存为 SVG、PDF 或 PNG…</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="88" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="119" />
            <source>The width must be a number of millimetres</source>
            <translation>宽度必须是以毫米为单位的数字</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="136" />
            <source>{w:.0f} × {h:.0f} mm; PNG {pw} × {ph} px</source>
            <translation>{w:.0f} × {h:.0f} mm；PNG {pw} × {ph} 像素</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="148" />
            <source>Save figure</source>
            <translation>保存图表</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="148" />
            <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
            <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="158" />
            <location filename="../../app/ui/figures/export_dialog.py" line="162" />
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/export_dialog.py" line="160" />
            <source>Exporting the figure…</source>
            <translation>正在导出图表…</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <location filename="../../app/ui/help.py" line="69" />
            <source>User guide</source>
            <translation>用户指南</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="76" />
            <source>The user guide is missing from this installation.</source>
            <translation>此安装中缺少用户指南。</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="93" />
            <source>About Guiji</source>
            <translation>关于轨迹</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="97" />
            <source>Coding Chinese interview transcripts: codes, stages and processes. Works offline.</source>
            <translation>中文访谈转录文本编码：编码、阶段与过程。完全离线运行。</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="98" />
            <source>Qt {qt} (LGPL-3.0), Python {py}</source>
            <translation>Qt {qt}（LGPL-3.0），Python {py}</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="99" />
            <source>Bundled libraries</source>
            <translation>附带的程序库</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="100" />
            <source>Library</source>
            <translation>程序库</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="101" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="101" />
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="127" />
            <source>Log folder</source>
            <translation>日志文件夹</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="128" />
            <source>Guiji's log file is in this folder:</source>
            <translation>轨迹的日志文件在此文件夹中：</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="138" />
            <source>&amp;User guide</source>
            <translation>用户指南(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="141" />
            <source>&amp;About Guiji</source>
            <translation>关于轨迹(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../app/ui/help.py" line="146" />
            <source>Show &amp;log folder</source>
            <translation>显示日志文件夹(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <location filename="../../app/ui/exchange.py" line="79" />
            <source>Import report — {name}</source>
            <translation>导入报告 — {name}</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="83" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="83" />
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="85" />
            <source>&lt;b&gt;{source}&lt;/b&gt; was imported into &lt;b&gt;{project}&lt;/b&gt;: {counts}.</source>
            <translation>已将 &lt;b&gt;{source}&lt;/b&gt; 导入 &lt;b&gt;{project}&lt;/b&gt;：{counts}。</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="93" />
            <source>Made by: {origin}</source>
            <translation>生成软件：{origin}</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="95" />
            <source>Positions: {how}</source>
            <translation>位置：{how}</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="102" />
            <source>Not imported ({n}), and why:</source>
            <translation>未导入的内容（{n} 项）及原因：</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="104" />
            <source>Everything in the file was imported.</source>
            <translation>文件中的全部内容均已导入。</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="107" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="107" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="107" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../app/ui/exchange.py" line="134" />
            <source>Copy report</source>
            <translation>复制报告</translation>
        </message>
    </context>
    <context>
        <name>ImportScript</name>
        <message>
            <location filename="../../app/ui/import_script.py" line="51" />
            <source>Simplified Chinese</source>
            <extracomment>How many files (and existing documents) are sampled, and how many characters of each.</extracomment>
            <translation>简体中文</translation>
        </message>
        <message>
            <location filename="../../app/ui/import_script.py" line="52" />
            <source>Traditional Chinese</source>
            <translation>繁体中文</translation>
        </message>
        <message>
            <location filename="../../app/ui/import_script.py" line="53" />
            <source>These transcripts are in {theirs}; the project's documents are in {ours}.</source>
            <translation>这些访谈稿是{theirs}，而项目中已有的文档是{ours}。</translation>
        </message>
        <message>
            <location filename="../../app/ui/import_script.py" line="55" />
            <source>Import documents</source>
            <translation>导入文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/import_script.py" line="57" />
            <source>Search, suggestions and the quick-code box treat both scripts as one, so keeping the original text is safe. Converting changes the stored text (quotes in tables and figures will be in {ours}).</source>
            <translation>检索、编码建议和快速编码框都把简繁体视为同一字，保留原文不会影响分析。转换会改变保存的文本（表格和图中的引文将是{ours}）。</translation>
        </message>
        <message>
            <location filename="../../app/ui/import_script.py" line="61" />
            <source>&amp;Keep as in the files</source>
            <translation>保留原文(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../app/ui/import_script.py" line="63" />
            <source>&amp;Convert to {ours}</source>
            <translation>转换为{ours}(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>LinkDialog</name>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="112" />
            <source>Link codes</source>
            <translation>关联编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="114" />
            <source>From:</source>
            <translation>从：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="115" />
            <source>To:</source>
            <translation>到：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="125" />
            <source>A built-in relation, or type your own</source>
            <translation>选择内置关系，或自行输入</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="126" />
            <source>Relation:</source>
            <translation>关系：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="128" />
            <source>Memo:</source>
            <translation>备忘录：</translation>
        </message>
    </context>
    <context>
        <name>LockDialog</name>
        <message>
            <location filename="../../app/ui/lock_dialog.py" line="27" />
            <source>Held by process {pid} on the computer “{host}” since {since}.</source>
            <translation>由计算机“{host}”上的进程 {pid} 自 {since} 起占用。</translation>
        </message>
        <message>
            <location filename="../../app/ui/lock_dialog.py" line="37" />
            <source>Project in use</source>
            <translation>项目正在使用</translation>
        </message>
        <message>
            <location filename="../../app/ui/lock_dialog.py" line="38" />
            <source>“{file}” is open for editing in another Guiji window or process.</source>
            <translation>“{file}”已在另一个轨迹窗口或进程中打开编辑。</translation>
        </message>
        <message>
            <location filename="../../app/ui/lock_dialog.py" line="41" />
            <source>Close it there to edit it here, or open it read-only now (you can read, search and export).</source>
            <translation>请在那里关闭后再在此编辑，或现在以只读方式打开（可以阅读、检索和导出）。</translation>
        </message>
        <message>
            <location filename="../../app/ui/lock_dialog.py" line="44" />
            <source>Open &amp;read-only</source>
            <translation>以只读方式打开(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../app/ui/main_window.py" line="119" />
            <source>Documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="122" />
            <source>Cases</source>
            <translation>案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="125" />
            <source>Codes</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="127" />
            <source>&lt;project opened&gt;</source>
            <translation>&lt;项目已打开&gt;</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="128" />
            <source>History</source>
            <translation>操作历史</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="139" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="140" />
            <source>Coded passages</source>
            <translation>已编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="141" />
            <source>Memos</source>
            <translation>备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="186" />
            <source>&amp;New project…</source>
            <translation>新建项目(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="187" />
            <source>&amp;Open project…</source>
            <translation>打开项目(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="188" />
            <source>&amp;Import documents…</source>
            <translation>导入文档(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="189" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="190" />
            <source>&amp;Apply selected code</source>
            <translation>应用所选编码(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="191" />
            <source>In-&amp;vivo code from selection</source>
            <translation>用选中文本创建实境编码(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="192" />
            <source>Extend selection to &amp;sentence</source>
            <translation>将选区扩展到整句(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="193" />
            <source>Extend selection to speaker &amp;turn</source>
            <translation>将选区扩展到整个话轮(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="194" />
            <source>Set the selected coding's range to the selection</source>
            <translation>将所选编码片段的范围设为当前选区</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="196" />
            <source>&amp;Remove the selected coding</source>
            <translation>删除所选编码片段(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="197" />
            <location filename="../../app/ui/main_window.py" line="375" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="198" />
            <location filename="../../app/ui/main_window.py" line="377" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="202" />
            <source>&amp;Quick code…</source>
            <translation>快速编码(&amp;Q)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="203" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="204" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="206" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="209" />
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="216" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="220" />
            <source>&amp;History</source>
            <translation>操作历史(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="222" />
            <source>&amp;Coding</source>
            <translation>编码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="231" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="238" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="241" />
            <source>Code&amp;book…</source>
            <translation>编码簿(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="242" />
            <source>S&amp;tages…</source>
            <translation>阶段(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="249" />
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="277" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="287" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="323" />
            <source>The project could not be opened.</source>
            <translation>无法打开项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="326" />
            <source>The project was upgraded; a backup is at {path}</source>
            <translation>项目已升级，备份位于 {path}</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="341" />
            <source>Who is coding?</source>
            <translation>编码者是谁？</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="342" />
            <source>Your name as a coder (every coding records it; asked only once):</source>
            <translation>您作为编码者的名字（每个编码片段都会记录；只询问一次）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="364" />
            <location filename="../../app/ui/main_window.py" line="823" />
            <source>Guiji</source>
            <translation>轨迹</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="375" />
            <source>&amp;Undo {action}</source>
            <translation>撤销(&amp;U) {action}</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="377" />
            <source>&amp;Redo {action}</source>
            <translation>重做(&amp;R) {action}</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="381" />
            <source> (read-only)</source>
            <translation>（只读）</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="382" />
            <source>Guiji — {name}</source>
            <translation>轨迹 — {name}</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="710" />
            <source>Coding memo</source>
            <translation>编码片段备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="768" />
            <source>The template could not be applied.</source>
            <translation>无法应用该模板。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="802" />
            <source>Import {n} document(s)</source>
            <translation>导入 {n} 个文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="818" />
            <source>Importing {n} file(s)…</source>
            <translation>正在导入 {n} 个文件…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="302" />
            <location filename="../../app/ui/main_window.py" line="384" />
            <source>Coder: {coder}</source>
            <translation>编码者：{coder}</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="624" />
            <location filename="../../app/ui/main_window.py" line="647" />
            <source>Select some text first.</source>
            <translation>请先选中一段文本。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="581" />
            <location filename="../../app/ui/main_window.py" line="612" />
            <source>Choose a code in the code tree first.</source>
            <translation>请先在编码树中选择一个编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="102" />
            <source>Show codings of:</source>
            <translation>显示编码者：</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="475" />
            <source>all coders</source>
            <translation>全部编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="584" />
            <source>Code {n} search hit(s)</source>
            <translation>为 {n} 处搜索结果编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="588" />
            <source>Not every hit could be coded.</source>
            <translation>部分搜索结果未能编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="630" />
            <source>The code could not be applied.</source>
            <translation>无法应用该编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="635" />
            <source>No code is pinned to key {key}.</source>
            <translation>数字键 {key} 未绑定编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="656" />
            <source>In-vivo code “{name}”</source>
            <translation>实境编码“{name}”</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="660" />
            <source>The in-vivo code could not be made.</source>
            <translation>无法创建实境编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="694" />
            <source>Click a coding's stripe, then select its new range.</source>
            <translation>请先点击编码片段的色条，再选择新的范围。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="700" />
            <source>The coding could not be adjusted.</source>
            <translation>无法调整该编码片段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="719" />
            <source>Click a coding's stripe first.</source>
            <translation>请先点击编码片段的色条。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="730" />
            <source>The coding could not be removed.</source>
            <translation>无法删除该编码片段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="735" />
            <source>Selected {start}–{end} ({n} characters)</source>
            <translation>已选 {start}–{end}（{n} 字）</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="743" />
            <source>New project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="742" />
            <location filename="../../app/ui/main_window.py" line="773" />
            <source>Guiji projects (*{suffix})</source>
            <translation>轨迹项目 (*{suffix})</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="762" />
            <source>The project could not be created.</source>
            <translation>无法创建项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="774" />
            <source>Open project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="782" />
            <source>Import documents</source>
            <translation>导入文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="782" />
            <source>Transcripts (*.txt *.docx *.md)</source>
            <translation>访谈稿 (*.txt *.docx *.md)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="812" />
            <source>Import cancelled; nothing was imported.</source>
            <translation>已取消导入，未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="814" />
            <source>Nothing was imported.</source>
            <translation>未导入任何文档。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="808" />
            <source>Imported {n} document(s).</source>
            <translation>已导入 {n} 个文档。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="285" />
            <source>Apply the code pinned to that key</source>
            <translation>应用绑定到该数字键的编码</translation>
        </message>
    </context>
    <context>
        <name>MemoPanel</name>
        <message>
            <location filename="../../app/ui/panels.py" line="353" />
            <source>Project memo: research questions, decisions, notes…</source>
            <translation>项目备忘录：研究问题、分析决策、笔记…</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="354" />
            <source>Save project memo</source>
            <translation>保存项目备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="357" />
            <source>Search memos…</source>
            <translation>搜索备忘录…</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="360" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="361" />
            <source>Of</source>
            <translation>对象</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="362" />
            <source>Memo</source>
            <translation>备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="378" />
            <source>project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="378" />
            <source>document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="378" />
            <source>code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="379" />
            <source>coding</source>
            <translation>编码片段</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="36" />
            <source>documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="37" />
            <source>codes</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="38" />
            <source>coders</source>
            <translation>编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="39" />
            <source>codings</source>
            <translation>编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="40" />
            <source>stages</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="41" />
            <source>stage spans</source>
            <translation>阶段片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="42" />
            <source>cases</source>
            <translation>案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="43" />
            <source>documents of cases</source>
            <translation>案例的文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="44" />
            <source>passages of cases</source>
            <translation>案例的段落</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="45" />
            <source>attributes</source>
            <translation>属性</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="46" />
            <source>attribute values</source>
            <translation>属性值</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="47" />
            <source>links</source>
            <translation>关联</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="48" />
            <source>evidence of links</source>
            <translation>关联的证据</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="49" />
            <source>rejected suggestions</source>
            <translation>已拒绝的建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="50" />
            <source>figure layouts</source>
            <translation>图形布局</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="51" />
            <source>document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="52" />
            <source>attribute</source>
            <translation>属性</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="63" />
            <location filename="../../app/ui/merge_dialog.py" line="155" />
            <source>Merge project</source>
            <translation>合并项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="68" />
            <source>Merging “{file}” into this project would:</source>
            <translation>将「{file}」合并到本项目将会：</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="72" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="72" />
            <source>Add</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="72" />
            <source>Already here</source>
            <translation>已存在</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="85" />
            <source>Memos and empty fields filled from the other file: {n}</source>
            <translation>从另一文件补充的备忘录和空字段：{n}</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="92" />
            <source>Left out (conflicts, nothing here is changed for them): {n}</source>
            <translation>未合并（冲突，本项目中相应内容保持不变）：{n}</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="97" />
            <source>There is nothing new to merge.</source>
            <translation>没有可合并的新内容。</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="99" />
            <source>&amp;Merge</source>
            <translation>合并(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="117" />
            <source>Merge “{file}”</source>
            <translation>合并「{file}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="121" />
            <source>The project could not be merged.</source>
            <translation>无法合并该项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="124" />
            <source>Merged “{file}”: {codings} codings and {other} other items added, {conflicts} left out.</source>
            <translation>已合并「{file}」：新增 {codings} 个编码片段和 {other} 项其他内容，{conflicts} 项未合并。</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="144" />
            <source>The file cannot be merged.</source>
            <translation>无法合并该文件。</translation>
        </message>
        <message>
            <location filename="../../app/ui/merge_dialog.py" line="156" />
            <source>Guiji projects and QDPX files (*.guiji *.qdpx *.qde)</source>
            <translation>轨迹项目和 QDPX 文件 (*.guiji *.qdpx *.qde)</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../app/ui/messages.py" line="26" />
            <source>the file is empty (it contains no text)</source>
            <translation>文件是空的（其中没有文字）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="27" />
            <source>this looks like a binary file, not text</source>
            <translation>这看起来是二进制文件，而不是文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="28" />
            <source>the file starts with a {encoding} byte-order mark but is not valid {encoding}</source>
            <translation>文件以 {encoding} 字节顺序标记开头，但内容不是有效的 {encoding}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="30" />
            <source>the text encoding could not be recognised (tried UTF-8, UTF-16, GB18030, Big5)</source>
            <translation>无法识别文本编码（已尝试 UTF-8、UTF-16、GB18030、Big5）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="32" />
            <source>unsupported file type {suffix} (Guiji imports .txt, .docx and .md)</source>
            <translation>不支持的文件类型 {suffix}（轨迹可导入 .txt、.docx 和 .md）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="34" />
            <source>the file does not exist</source>
            <translation>文件不存在</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="35" />
            <source>this is a folder, not a file</source>
            <translation>这是文件夹，不是文件</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="36" />
            <source>the file cannot be read (permission denied)</source>
            <translation>无法读取文件（没有权限）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="37" />
            <source>the file cannot be read ({reason})</source>
            <translation>无法读取文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="38" />
            <source>the file is larger than {limit} MB, Guiji's limit for one document</source>
            <translation>文件大于 {limit} MB，超过轨迹对单个文档的上限</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="40" />
            <source>{file}: a file with this name already exists</source>
            <translation>{file}：已有同名文件</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="41" />
            <source>{file}: the folder {folder} does not exist</source>
            <translation>{file}：文件夹 {folder} 不存在</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="42" />
            <source>{file}: cannot be written ({reason})</source>
            <translation>{file}：无法写入（{reason}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="43" />
            <source>this is an old Word .doc file renamed .docx; save it as .docx in Word first</source>
            <translation>这是改了扩展名的旧版 Word .doc 文件；请先在 Word 中另存为 .docx</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="45" />
            <source>not a valid .docx file (it is not a zip archive; was another file renamed?)</source>
            <translation>不是有效的 .docx 文件（不是 zip 压缩包；是否把别的文件改了扩展名？）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="47" />
            <source>not a valid .docx file (the archive is damaged or truncated)</source>
            <translation>不是有效的 .docx 文件（压缩包已损坏或不完整）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="49" />
            <source>the .docx would expand past the size limit (possibly a zip bomb)</source>
            <translation>该 .docx 解压后将超过大小上限（可能是压缩炸弹）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="51" />
            <source>not a valid .docx file (it is not a Word document)</source>
            <translation>不是有效的 .docx 文件（不是 Word 文档）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="52" />
            <source>the .docx declares an XML document type (DTD), which Word never does; it is refused as unsafe</source>
            <translation>该 .docx 声明了 XML 文档类型（DTD），Word 从不这样做；出于安全考虑拒绝打开</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="55" />
            <source>not an RQDA project (the file is not an SQLite database)</source>
            <translation>不是 RQDA 项目（该文件不是 SQLite 数据库）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="57" />
            <source>not a REFI-QDA project: the archive has no project.qde</source>
            <translation>不是 REFI-QDA 项目：压缩包中没有 project.qde</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="58" />
            <source>the file holds no codes</source>
            <translation>文件中没有编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="59" />
            <source>no 'Code' column in the first row (the MAXQDA layout: Code, Memo, …)</source>
            <translation>第一行没有“Code”（编码）列（MAXQDA 的格式：Code、Memo……）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="61" />
            <source>the file is not UTF-8 text (save the mapping as CSV UTF-8)</source>
            <translation>文件不是 UTF-8 文本（请将对照表另存为“CSV UTF-8”）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="63" />
            <source>the file needs a header line with the columns 'name' and 'pseudonym'</source>
            <translation>文件需要一行表头，包含 name（姓名）和 pseudonym（化名）两列</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="65" />
            <source>the mapping gives no pseudonym; nothing to replace</source>
            <translation>对照表中没有任何化名，没有可替换的内容</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="68" />
            <source>{file}: the project is open in another Guiji window or process; close it there first (or open it read-only)</source>
            <translation>{file}：该项目已在另一个轨迹窗口或进程中打开；请先在那里关闭（或以只读方式打开）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="71" />
            <source>{file}: the project is open read-only</source>
            <translation>{file}：项目以只读方式打开</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="72" />
            <source>{file}: no such project file</source>
            <translation>{file}：项目文件不存在</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="73" />
            <source>{file}: not a Guiji project</source>
            <translation>{file}：不是轨迹项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="74" />
            <source>{file}: the project was saved by a newer version of Guiji; update Guiji to open it</source>
            <translation>{file}：该项目由更新版本的轨迹保存；请升级轨迹后再打开</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="76" />
            <source>{file}: the project needs an upgrade; open it once in Guiji (not read-only)</source>
            <translation>{file}：该项目需要升级；请在轨迹中以非只读方式打开一次</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="78" />
            <source>{file}: the project file cannot be read ({reason})</source>
            <translation>{file}：无法读取项目文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="81" />
            <source>the name of a {what} cannot be empty</source>
            <translation>{what}名称不能为空</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="82" />
            <source>a {what} named “{name}” already exists</source>
            <translation>已有名为“{name}”的{what}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="83" />
            <source>a code name cannot contain “{separator}”: {name}</source>
            <translation>编码名称中不能含有“{separator}”：{name}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="84" />
            <source>“{value}” is not a colour of the form #RRGGBB</source>
            <translation>“{value}”不是 #RRGGBB 形式的颜色</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="85" />
            <source>“{value}” is not a date (use YYYY-MM-DD)</source>
            <translation>“{value}”不是日期（请用 YYYY-MM-DD 格式）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="86" />
            <source>{name}: “{value}” is not a number</source>
            <translation>{name}：“{value}”不是数字</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="87" />
            <source>there is no {what} with id {id} (it may have been deleted)</source>
            <translation>不存在编号为 {id} 的{what}（可能已被删除）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="90" />
            <source>the code “{name}” cannot be moved into itself</source>
            <translation>编码“{name}”不能移到它自身之下</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="92" />
            <source>a code cannot be merged into itself</source>
            <translation>编码不能合并到它自身</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="93" />
            <source>the code “{name}” cannot be merged into one of its own subcodes</source>
            <translation>编码“{name}”不能合并到它自己的下级编码中</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="95" />
            <source>the search term is empty</source>
            <translation>检索词为空</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="96" />
            <source>the project has no cases; group by document instead</source>
            <translation>项目中还没有案例；请改为按文档分组</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="98" />
            <source>a link joins two different codes, or one code in two different stages</source>
            <translation>关联须连接两个不同的编码，或同一编码在两个不同阶段的出现</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="100" />
            <source>this passage is already evidence of the link</source>
            <translation>这段文字已是该关联的证据</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="102" />
            <source>agreement needs two or more different coders</source>
            <translation>计算一致性需要两名或以上不同的编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="103" />
            <source>“{value}” is not a unit of agreement (use sentence, turn, chars:N, or segment:X with X from 1 to 100)</source>
            <translation>“{value}”不是一致性的单位（可用 sentence、turn、chars:N，或 segment:X，X 为 1 到 100）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="106" />
            <source>{file}: a project cannot be merged into itself</source>
            <translation>{file}：项目不能与自身合并</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="107" />
            <source>the file cannot be merged ({reason})</source>
            <translation>无法合并此文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="108" />
            <source>a link needs a relation type (促进, 支撑, 制约, 转化为, 构成 or your own)</source>
            <translation>关联需要一个关系类型（促进、支撑、制约、转化为、构成或自定义）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="110" />
            <source>{file}: the new text is the same as the old; nothing to change</source>
            <translation>{file}：新文本与原文本相同，无需修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="112" />
            <source>the codes it added have been used since; undo those codings first</source>
            <translation>它添加的编码此后已被使用；请先撤销这些编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="114" />
            <source>the stages it added have been used since; undo that first</source>
            <translation>它添加的阶段此后已被使用；请先撤销相关操作</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="116" />
            <source>evaluation needs at least 2 coded documents (the project has {n})</source>
            <translation>评估至少需要 2 篇已编码的文档（项目中现有 {n} 篇）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="118" />
            <source>the project has no stages: define stages before drawing a timeline</source>
            <translation>项目中还没有阶段：请先定义阶段，再绘制时间线</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="120" />
            <source>“{value}” is not an export language (use zh, en or both)</source>
            <translation>“{value}”不是可用的导出语言（请用 zh、en 或 both）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="122" />
            <source>the text on screen is not this project's document any more (another project was opened, or the text was changed); nothing was changed — show the document again and redo the selection</source>
            <translation>屏幕上的文本已不再是本项目的这篇文档（打开了另一个项目，或文本已被修改）；未做任何更改——请重新显示文档后再选择一次</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="126" />
            <source>a name has two pseudonyms (in Traditional and Simplified spellings)</source>
            <translation>同一名称（繁体和简体写法）有两个不同的化名</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="128" />
            <source>{file}: the text is already in that script; nothing to change</source>
            <translation>{file}：文本已是该字形，无需转换</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="130" />
            <source>this script conversion is not available</source>
            <translation>无法进行这种字形转换</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="131" />
            <source>{file}: the range {start}–{end} is not inside the text (0–{length} characters)</source>
            <translation>{file}：范围 {start}–{end} 不在文本之内（共 0–{length} 个字符）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="133" />
            <source>a stage cannot end before it starts</source>
            <translation>阶段的结束日期不能早于开始日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="134" />
            <source>{file}: the text has changed since this edit; it cannot be undone or redone</source>
            <translation>{file}：这次修改之后文本已有变化，无法撤销或重做</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="136" />
            <source>{file}: this kind of file cannot be written here (use one of {allowed})</source>
            <translation>{file}：不能写成这种文件（请使用 {allowed}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="138" />
            <source>a {what} has at most {limit} characters</source>
            <translation>{what}最多 {limit} 个字符</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="139" />
            <source>line {line}: the pseudonym “{pseudonym}” has no name</source>
            <translation>第 {line} 行：化名“{pseudonym}”没有对应的名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="141" />
            <source>every name needs a pseudonym</source>
            <translation>每个名称都需要一个化名</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="142" />
            <source>not a valid or readable .xlsx file</source>
            <translation>不是有效或可读取的 .xlsx 文件</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="143" />
            <source>the archive would expand past the size limit (possibly a zip bomb)</source>
            <translation>压缩包解压后将超过大小上限（可能是压缩炸弹）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="145" />
            <source>row {row}: the code path “{path}” has an empty part</source>
            <translation>第 {row} 行：编码路径“{path}”中有空的部分</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="147" />
            <source>row {row}: a code name is longer than 200 characters</source>
            <translation>第 {row} 行：编码名称超过 200 个字符</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="149" />
            <source>row {row}: “{value}” is not a colour of the form #RRGGBB</source>
            <translation>第 {row} 行：“{value}”不是 #RRGGBB 形式的颜色</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="151" />
            <source>{file}: the project has no codes, and a .qdc needs at least one</source>
            <translation>{file}：项目中没有编码，而 .qdc 至少需要一个编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="153" />
            <source>not a valid .qdpx file (the zip archive is damaged)</source>
            <translation>不是有效的 .qdpx 文件（zip 压缩包已损坏）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="154" />
            <source>a code has no name</source>
            <translation>有编码没有名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="155" />
            <source>the file declares an XML document type (DTD); it is refused as unsafe</source>
            <translation>文件声明了 XML 文档类型（DTD），出于安全考虑拒绝读取</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="157" />
            <source>not well-formed XML ({reason})</source>
            <translation>XML 格式不正确（{reason}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="158" />
            <source>not a readable RQDA project ({reason})</source>
            <translation>无法读取的 RQDA 项目（{reason}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="160" />
            <source>there is no {what} named “{name}” in this project</source>
            <translation>本项目中没有名为「{name}」的{what}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="161" />
            <source>“{value}” is not one of: {allowed}</source>
            <translation>「{value}」不是可选值之一：{allowed}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="162" />
            <source>the value must be 1 or more, not {value}</source>
            <translation>取值至少为 1，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="163" />
            <source>“{name}” is not a code path (names joined by “{separator}”)</source>
            <translation>「{name}」不是编码路径（各级名称用「{separator}」连接）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="165" />
            <source>the parent of “{name}” no longer exists; it cannot be put back</source>
            <translation>「{name}」的上级编码已不存在，无法恢复</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="167" />
            <source>the {what} “{name}” no longer exists</source>
            <translation>{what}「{name}」已不存在</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="168" />
            <source>the deleted rows cannot be put back: the project has changed since</source>
            <translation>无法恢复已删除的内容：项目在此之后已被修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="170" />
            <source>“{find}” would be replaced by itself; nothing to change</source>
            <translation>「{find}」将被替换为其本身，无需修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="172" />
            <source>{file}: these positions are not usable ({reason})</source>
            <translation>{file}：这些位置无法使用（{reason}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="173" />
            <source>{file}: the text could not be restored exactly</source>
            <translation>{file}：文本无法被准确恢复</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="175" />
            <source>cannot import from a “{suffix}” file (use one of {allowed})</source>
            <translation>无法从「{suffix}」文件导入（请使用 {allowed} 之一）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="177" />
            <source>the file is larger than {limit} MB</source>
            <translation>文件大于 {limit} MB</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="178" />
            <source>{file}: the new project could not be written completely</source>
            <translation>{file}：新项目未能完整写入</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="181" />
            <source>the archive holds {n} entries (possibly a zip bomb); nothing was imported</source>
            <translation>压缩包含有 {n} 个条目（可能是压缩炸弹），未导入任何内容</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="183" />
            <source>the archive entry “{entry}” is larger than the limit of {limit}</source>
            <translation>压缩包条目「{entry}」超过了 {limit} 的上限</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="185" />
            <source>the archive entry “{entry}” points outside the archive (a zip-slip attack?); nothing was imported</source>
            <translation>压缩包条目「{entry}」指向压缩包之外（可能是 zip-slip 攻击），未导入任何内容</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="188" />
            <source>the code name “{name}…” is longer than {limit} characters</source>
            <translation>编码名「{name}…」超过 {limit} 个字符</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="190" />
            <source>no REFI-QDA codebook in the file (the root element is &lt;{root}&gt;)</source>
            <translation>文件中没有 REFI-QDA 编码簿（根元素是 &lt;{root}&gt;）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="192" />
            <source>the code “{name}” has a malformed GUID {guid}</source>
            <translation>编码「{name}」的 GUID {guid} 格式有误</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="193" />
            <source>the code “{name}” contains itself (a cycle of GUIDs)</source>
            <translation>编码「{name}」包含了它自身（GUID 循环引用）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="194" />
            <source>the GUID {guid} is used by two codes (“{first}” and “{second}”)</source>
            <translation>GUID {guid} 被两个编码同时使用（「{first}」和「{second}」）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="196" />
            <source>the table has more than {limit} rows</source>
            <translation>表格超过 {limit} 行</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="198" />
            <source>“{value}” is not an element of the figure</source>
            <translation>「{value}」不是图中的元素</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="199" />
            <source>{width} mm is too narrow for {n} stages at {size} pt: use a wider figure or a smaller font</source>
            <translation>{width} 毫米的宽度容纳不下 {size} 磅字号的 {n} 个阶段：请加宽图形或缩小字号</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="201" />
            <source>no case or document named “{name}” is traced in this project</source>
            <translation>本项目追踪的单位中没有名为「{name}」的案例或文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="203" />
            <source>no document has codings yet: there is no codeline to draw</source>
            <translation>还没有任何文档有编码片段，无法绘制编码线</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="205" />
            <source>a link with id {id} already exists</source>
            <translation>编号为 {id} 的关联已存在</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="206" />
            <source>no coding of “{document}” at {start}–{end}</source>
            <translation>「{document}」的 {start}–{end} 处没有编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="207" />
            <source>several codings of “{document}” at {start}–{end} ({codes}); choose one</source>
            <translation>「{document}」的 {start}–{end} 处有多个编码片段（{codes}），请选择其一</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="209" />
            <source>line {line}: “{name}” has two pseudonyms (“{first}”, “{second}”)</source>
            <translation>第 {line} 行：「{name}」有两个假名（「{first}」「{second}」）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="211" />
            <source>nothing to learn from yet: code some passages first</source>
            <translation>还没有可供学习的内容：请先编码一些段落</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="213" />
            <source>the range {start}–{end} is not inside the text (0–{length} characters)</source>
            <translation>范围 {start}–{end} 不在文本之内（共 0–{length} 个字符）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="215" />
            <source>{file}: the project has no stages to suggest</source>
            <translation>{file}：项目还没有阶段，无法建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="216" />
            <source>a range needs a document and a start before its end</source>
            <translation>范围需要指定文档，且起点在终点之前</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="217" />
            <source>the value must be between 0 and 1, not {value}</source>
            <translation>取值须在 0 到 1 之间，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="218" />
            <source>Guiji met an internal error ({detail}); please report it with the log file</source>
            <translation>轨迹遇到内部错误（{detail}），请连同日志文件一起报告</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="220" />
            <source>the pseudonyms would give two things the same name; choose other pseudonyms</source>
            <translation>这些假名会使两个对象同名，请另选假名</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="222" />
            <source>{where}: the pseudonym “{pseudonym}” of “{name}” contains the name “{other}”, which would remain in the project</source>
            <translation>{where}：「{name}」的假名「{pseudonym}」含有名字「{other}」，该名字将留在项目中</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="226" />
            <source>{file}: the database is not empty; Guiji needs an empty one</source>
            <translation>{file}：该数据库不是空的；Guiji 需要一个空数据库</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="235" />
            <location filename="../../app/ui/messages.py" line="286" />
            <source>document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="236" />
            <location filename="../../app/ui/messages.py" line="283" />
            <source>code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="237" />
            <source>level name</source>
            <translation>层级名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="238" />
            <source>figure label</source>
            <translation>图中标签</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="239" />
            <location filename="../../app/ui/messages.py" line="283" />
            <source>coding</source>
            <translation>编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="240" />
            <source>stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="241" />
            <location filename="../../app/ui/messages.py" line="285" />
            <source>case</source>
            <translation>案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="242" />
            <source>coder</source>
            <translation>编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="243" />
            <source>attribute</source>
            <translation>属性变量</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="244" />
            <location filename="../../app/ui/messages.py" line="284" />
            <source>link</source>
            <translation>关联</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="245" />
            <source>memo</source>
            <translation>备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="246" />
            <source>evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="247" />
            <source>project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="248" />
            <source>template</source>
            <translation>模板</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="249" />
            <source>relation type</source>
            <translation>关系类型</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="256" />
            <source>no coding has a stage yet: the timeline is empty</source>
            <translation>还没有编码片段标注了阶段：时间线为空</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="257" />
            <source>no coding has a stage yet: the flow is empty</source>
            <translation>还没有编码片段标注了阶段：流向图为空</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="258" />
            <source>no transitions between consecutive stages: the matrix is empty</source>
            <translation>相邻阶段之间没有转换：矩阵为空</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="259" />
            <source>no document has codings yet</source>
            <translation>还没有任何文档含有编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="260" />
            <source>the document has no codings</source>
            <translation>该文档还没有编码片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="261" />
            <source>some elements lie outside the figure's width and are cut off: move them back</source>
            <translation>部分元素超出图表宽度而被截去：请把它们移回图内</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="262" />
            <source>graphs are not imported (Guiji draws its own timeline from the stages)</source>
            <translation>图形不导入（轨迹根据阶段自行绘制时间线）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="263" />
            <source>its text file is missing from the archive</source>
            <translation>压缩包中缺少它的文本文件</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="264" />
            <source>its positions are not numbers</source>
            <translation>它的位置不是数字</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="265" />
            <source>outside the text</source>
            <translation>超出文本范围</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="266" />
            <source>zero-length selection (no characters)</source>
            <translation>长度为零的选段（不含任何字符）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="267" />
            <source>zero-length coding (no characters)</source>
            <translation>长度为零的编码片段（不含任何字符）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="268" />
            <source>its start is after its end</source>
            <translation>起点在终点之后</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="269" />
            <source>its code is not in the codebook</source>
            <translation>它的编码不在编码簿中</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="270" />
            <source>the source's text is empty</source>
            <translation>来源文本为空</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="271" />
            <source>its text is empty</source>
            <translation>文本为空</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="272" />
            <source>it has no member Guiji imported</source>
            <translation>其成员均未导入</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="273" />
            <source>Guiji links codes to codes (coded passages are their evidence); this link joins other objects</source>
            <translation>轨迹的关联只连接编码与编码（编码片段作为证据）；这条关联连接的是其他对象</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="275" />
            <source>it links a code to itself</source>
            <translation>它把编码关联到自身</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="276" />
            <source>its code is deleted or unknown</source>
            <translation>它的编码已删除或未知</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="277" />
            <source>its file is deleted or unknown</source>
            <translation>它的文件已删除或未知</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="278" />
            <source>its linked range is outside the text</source>
            <translation>它关联的范围超出文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="279" />
            <source>code points, line ends as in the file (the REFI-QDA standard)</source>
            <translation>按 Unicode 字符计，换行符与文件一致（REFI-QDA 标准）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="280" />
            <source>UTF-16 units, line ends as in the file (as NVivo counts)</source>
            <translation>按 UTF-16 单元计，换行符与文件一致（NVivo 的计法）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="282" />
            <source>source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="282" />
            <source>selection</source>
            <translation>选段</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="284" />
            <source>graph</source>
            <translation>图形</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="285" />
            <source>set</source>
            <translation>集合</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="286" />
            <source>note</source>
            <translation>笔记</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="321" />
            <source>{n} transitions reach the threshold; the {k} strongest are drawn (raise the minimum to see fewer)</source>
            <translation>有 {n} 个转换达到阈值；只画出最强的 {k} 个（提高下限可减少转换数）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="325" />
            <source>link {source} → {target} is not drawn: a code has no box shown</source>
            <translation>关联 {source} → {target} 未画出：其中一个编码没有显示方框</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="328" />
            <source>its text file {path} is missing from the archive</source>
            <translation>压缩包中缺少它的文本文件 {path}</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="330" />
            <source>its text file {path} is missing (a .qde file carries no texts)</source>
            <translation>缺少它的文本文件 {path}（.qde 文件不含文本）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="333" />
            <source>{kind} sources are not imported (Guiji codes text transcripts only)</source>
            <translation>不导入{kind}来源（轨迹只对文字访谈稿编码）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="335" />
            <source>{n} coding(s) on it skipped</source>
            <translation>其上的 {n} 个编码片段已跳过</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="337" />
            <source>{n} selection(s) on it skipped</source>
            <translation>其上的 {n} 个选段已跳过</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="340" />
            <source>{n} set(s) of codes or notes are listed in the project memo (Guiji has no sets of codes)</source>
            <translation>{n} 个编码集或笔记集已列入项目备忘录（轨迹没有编码集）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="343" />
            <source>{p} of the selections' ends fall on line boundaries when read this way</source>
            <translation>按此方式读取时，{p} 的选段端点落在行边界上</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="347" />
            <source>every reading gives the same positions (no characters outside the BMP and no CRLF line ends before the selections)</source>
            <translation>各种读法得到的位置相同（选段之前既无基本多文种平面以外的字符，也无 CRLF 换行）</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="351" />
            <source>written by Guiji, which counts code points</source>
            <translation>由轨迹生成，按 Unicode 字符计</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="357" />
            <source>picture</source>
            <translation>图片</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="358" />
            <source>audio</source>
            <translation>音频</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="359" />
            <source>video</source>
            <translation>视频</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="378" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../app/ui/messages.py" line="382" />
            <source>: </source>
            <translation>：</translation>
        </message>
    </context>
    <context>
        <name>NewProjectDialog</name>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="46" />
            <source>New project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="50" />
            <source>Empty project</source>
            <translation>空白项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="65" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="65" />
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="65" />
            <source>Short definition</source>
            <translation>简短定义</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="70" />
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="70" />
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="89" />
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="94" />
            <source>Start from a framework template, or with an empty project:</source>
            <translation>从框架模板开始，或新建空白项目：</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="120" />
            <source>A project with no codes and no stages: build the codebook from the data.</source>
            <translation>不含编码和阶段的项目：从资料中逐步建立编码簿。</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="131" />
            <source> → </source>
            <translation> → </translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="132" />
            <source>Code levels: {levels}</source>
            <translation>编码层级：{levels}</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="161" />
            <source>Codes it creates: {n}</source>
            <translation>将创建的编码：{n} 个</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="162" />
            <source>Stages it creates: {n}</source>
            <translation>将创建的阶段：{n} 个</translation>
        </message>
        <message>
            <location filename="../../app/ui/new_project_dialog.py" line="163" />
            <source>Stages it creates: none</source>
            <translation>将创建的阶段：无</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <location filename="../../app/ui/controller.py" line="84" />
            <source>Apply code “{0}”</source>
            <extracomment>Undo-stack labels of the operations, by their ``action`` key: the user reads them in History and in the Undo/Redo menu items, with the object's name (撤销 应用编码「代议政治」).</extracomment>
            <translation>应用编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="85" />
            <source>Apply code to {0}</source>
            <translation>将编码应用于{0}</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="86" />
            <source>Remove coding “{0}”</source>
            <translation>删除编码片段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="87" />
            <source>Adjust coding “{0}”</source>
            <translation>调整编码片段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="88" />
            <source>Memo on coding “{0}”</source>
            <translation>编码片段备忘录「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="89" />
            <source>Stage of coding “{0}”</source>
            <translation>设置编码片段阶段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="90" />
            <source>New code “{0}”</source>
            <translation>新建编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="91" />
            <source>Delete code “{0}”</source>
            <translation>删除编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="92" />
            <source>Rename code “{0}”</source>
            <translation>重命名编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="93" />
            <source>Recolour code “{0}”</source>
            <translation>更改编码颜色「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="94" />
            <source>Move code “{0}”</source>
            <translation>移动编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="95" />
            <source>Edit code “{0}”</source>
            <translation>编辑编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="96" />
            <source>Merge code “{0}”</source>
            <translation>合并编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="97" />
            <source>Add stage “{0}”</source>
            <translation>添加阶段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="98" />
            <source>Edit stage “{0}”</source>
            <translation>编辑阶段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="99" />
            <source>Move stage “{0}”</source>
            <translation>移动阶段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="100" />
            <source>Delete stage “{0}”</source>
            <translation>删除阶段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="101" />
            <source>Set the stage of document “{0}”</source>
            <translation>设置文档阶段「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="102" />
            <source>Set the stage of a passage in “{0}”</source>
            <translation>设置片段阶段（{0}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="103" />
            <source>Remove a span of stage “{0}”</source>
            <translation>移除阶段区间「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="104" />
            <source>Delete document “{0}”</source>
            <translation>删除文档「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="105" />
            <source>Rename document “{0}”</source>
            <translation>重命名文档「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="106" />
            <source>Move document “{0}”</source>
            <translation>移动文档「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="107" />
            <source>Delete case “{0}”</source>
            <translation>删除案例「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="108" />
            <source>New case “{0}”</source>
            <translation>新建案例「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="109" />
            <source>Rename case “{0}”</source>
            <translation>重命名案例「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="110" />
            <source>Add documents to case “{0}”</source>
            <translation>向案例「{0}」添加文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="111" />
            <source>Add a passage to case “{0}”</source>
            <translation>向案例「{0}」添加段落</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="112" />
            <source>New attribute “{0}”</source>
            <translation>新建属性「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="113" />
            <source>Set attribute “{0}”</source>
            <translation>设置属性「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="114" />
            <source>Delete attribute “{0}”</source>
            <translation>删除属性「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="115" />
            <source>Delete link “{0}”</source>
            <translation>删除关联「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="116" />
            <source>Link “{0}”</source>
            <translation>关联「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="117" />
            <source>Edit link “{0}”</source>
            <translation>编辑关联「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="118" />
            <source>Add evidence “{0}”</source>
            <translation>添加证据「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="119" />
            <source>Change evidence “{0}”</source>
            <translation>修改证据「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="120" />
            <source>Remove evidence “{0}”</source>
            <translation>移除证据「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="121" />
            <source>Edit the text of “{0}”</source>
            <translation>编辑「{0}」的文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="122" />
            <source>Replace in “{0}”</source>
            <translation>在「{0}」中替换</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="123" />
            <source>Pseudonymise “{0}”</source>
            <translation>假名化「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="124" />
            <source>Convert the script of “{0}”</source>
            <translation>转换「{0}」的字形</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="125" />
            <source>Import codebook “{0}”</source>
            <translation>导入编码簿「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="126" />
            <source>Merge template “{0}”</source>
            <translation>合并模板「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="127" />
            <source>Choose an example of “{0}”</source>
            <translation>选为「{0}」的示例</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="128" />
            <source>Drop an example of “{0}”</source>
            <translation>取消「{0}」的示例</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="129" />
            <source>Adjust figure element “{0}”</source>
            <translation>调整图形元素「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="130" />
            <source>Reset the layout of “{0}”</source>
            <translation>重置「{0}」的布局</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="131" />
            <source>Pin code “{0}”</source>
            <translation>固定编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="132" />
            <source>Unpin code “{0}”</source>
            <translation>取消固定编码「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="133" />
            <source>Reject suggestion “{0}”</source>
            <translation>拒绝建议「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="134" />
            <source>Import “{0}”</source>
            <translation>导入「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="135" />
            <source>Edit project memo</source>
            <translation>编辑项目备忘录</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="136" />
            <source>Memo on document “{0}”</source>
            <translation>文档备忘录「{0}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/controller.py" line="137" />
            <source>Memo on code “{0}”</source>
            <translation>编码备忘录「{0}」</translation>
        </message>
    </context>
    <context>
        <name>PassageModel</name>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="58" />
            <source>Case</source>
            <translation>案例</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="58" />
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="59" />
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="59" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="60" />
            <source>Passage</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="60" />
            <source>Test</source>
            <translation>检验</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="61" />
            <source>Stance</source>
            <translation>立场</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/evidence.py" line="100" />
            <source>{document}, characters {start}–{end}</source>
            <translation>{document}，第 {start}–{end} 个字符</translation>
        </message>
    </context>
    <context>
        <name>ProcessMenu</name>
        <message>
            <location filename="../../app/ui/process_menu.py" line="29" />
            <source>&amp;Process</source>
            <translation>过程(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../app/ui/process_menu.py" line="51" />
            <source>&amp;Timeline…</source>
            <translation>时间线(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/process_menu.py" line="52" />
            <source>Transition &amp;flow…</source>
            <translation>转换流图(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/process_menu.py" line="53" />
            <source>Transition &amp;matrix…</source>
            <translation>转换矩阵(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/process_menu.py" line="54" />
            <source>&amp;Codeline…</source>
            <translation>编码线(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/process_menu.py" line="55" />
            <source>&amp;Saturation curve…</source>
            <translation>饱和曲线(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/process_menu.py" line="65" />
            <source>&amp;Export figure…</source>
            <translation>导出图表(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/process_menu.py" line="67" />
            <source>Stage &amp;report…</source>
            <translation>阶段报告(&amp;R)…</translation>
        </message>
    </context>
    <context>
        <name>ProcessWindow</name>
        <message>
            <location filename="../../app/ui/timeline.py" line="73" />
            <source>Process — {name}</source>
            <translation>过程 — {name}</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="102" />
            <location filename="../../app/ui/timeline.py" line="302" />
            <source>Click a box or an arrow to see its passages.</source>
            <translation>点击方框或箭头以查看相应片段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="104" />
            <source>Add evidence…</source>
            <translation>添加证据…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="106" />
            <source>Change test…</source>
            <translation>更改检验…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="108" />
            <source>Remove evidence</source>
            <translation>移除证据</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="110" />
            <source>Delete link</source>
            <translation>删除关联</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="143" />
            <source>Figure</source>
            <translation>图表</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="147" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="147" />
            <source>Transition flow</source>
            <translation>转换流图</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="148" />
            <source>Transition matrix</source>
            <translation>转换矩阵</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="148" />
            <source>Codeline</source>
            <translation>编码线</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="149" />
            <source>Saturation curve</source>
            <translation>饱和曲线</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="158" />
            <source>Categories</source>
            <translation>范畴</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="158" />
            <source>Dimensions</source>
            <translation>维度</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="159" />
            <source>Codes as applied</source>
            <translation>实际使用的编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="163" />
            <source>≥ </source>
            <translation>≥ </translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="164" />
            <source>Boxes: at least this many codings</source>
            <translation>方框：编码片段数至少为此值</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="167" />
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="168" />
            <source>Arrows: transitions in at least this many cases (auto: half of the cases)</source>
            <translation>箭头：至少在这么多个案例中出现的转换（自动：案例数的一半）</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="170" />
            <source>Greyscale</source>
            <translation>灰度</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="171" />
            <source>Figure:</source>
            <translation>图表：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="171" />
            <source>Case:</source>
            <translation>案例：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="172" />
            <source>Coder:</source>
            <translation>编码者：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="172" />
            <source>Document:</source>
            <translation>文档：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="173" />
            <source>Codes:</source>
            <translation>编码：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="173" />
            <source>Boxes:</source>
            <translation>方框：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="174" />
            <source>Arrows:</source>
            <translation>箭头：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="179" />
            <source>Figure actions</source>
            <translation>图表操作</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="182" />
            <source>Draw links</source>
            <translation>绘制关联</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="184" />
            <source>Drag from one box to another to link the codes (or hold Shift while dragging)</source>
            <translation>从一个方框拖到另一个方框以关联编码（或按住 Shift 拖动）</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="189" />
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="190" />
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="191" />
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="192" />
            <location filename="../../app/ui/timeline.py" line="197" />
            <source>Reset layout</source>
            <translation>重置布局</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="193" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="194" />
            <source>Stage report…</source>
            <translation>阶段报告…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="200" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="201" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="221" />
            <source>(all)</source>
            <translation>（全部）</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="221" />
            <source>(first coded)</source>
            <translation>（首个已编码文档）</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="315" />
            <source>{stage} · {code}: {n} passage(s)</source>
            <translation>{stage} · {code}：{n} 个片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="324" />
            <source>{a} ({sa}) → {b} ({sb}): {n} case(s) — A: the earlier stage, B: the later</source>
            <translation>{a}（{sa}）→ {b}（{sb}）：{n} 个案例 — A：较早阶段，B：较晚阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="334" />
            <source>{a} —{relation}→ {b}: {n} piece(s) of evidence, {verdict}</source>
            <translation>{a} —{relation}→ {b}：{n} 条证据，{verdict}</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/link_editing.py" line="58" />
            <location filename="../../app/ui/timeline.py" line="364" />
            <location filename="../../app/ui/timeline.py" line="431" />
            <source>Process</source>
            <translation>过程</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="370" />
            <source>Move figure element</source>
            <translation>移动图表元素</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="381" />
            <source>Label on the figure</source>
            <translation>图中标签</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="382" />
            <source>Label (empty: the computed one):</source>
            <translation>标签（留空则使用自动生成的标签）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="386" />
            <source>Rename figure label</source>
            <translation>重命名图表标签</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="390" />
            <source>Hide figure element</source>
            <translation>隐藏图表元素</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="394" />
            <source>Reset figure element</source>
            <translation>重置图表元素</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="399" />
            <source>Reset the figure's layout</source>
            <translation>重置图表布局</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="408" />
            <source>Show passages</source>
            <translation>显示片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="410" />
            <source>Rename label…</source>
            <translation>重命名标签…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="411" />
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="413" />
            <source>Back to the computed layout</source>
            <translation>恢复自动布局</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="415" />
            <source>Edit link…</source>
            <translation>编辑关联…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="417" />
            <source>Reset layout (show everything hidden)</source>
            <translation>重置布局（显示所有隐藏元素）</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/link_editing.py" line="72" />
            <source>Link codes</source>
            <translation>关联编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/link_editing.py" line="73" />
            <source>Make an outcome-level code named “{name}” to link to this outcome.</source>
            <translation>请先建立名为“{name}”的结果层级编码，才能关联到该结果。</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/link_editing.py" line="137" />
            <source>Add evidence</source>
            <translation>添加证据</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/link_editing.py" line="158" />
            <location filename="../../app/ui/figures/link_editing.py" line="163" />
            <source>Process-tracing test</source>
            <translation>过程追踪检验</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/link_editing.py" line="159" />
            <source>Test:</source>
            <translation>检验：</translation>
        </message>
        <message>
            <location filename="../../app/ui/figures/link_editing.py" line="164" />
            <source>The passage:</source>
            <translation>片段：</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="437" />
            <source>Stage report</source>
            <translation>阶段报告</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="437" />
            <source>Word document (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="438" />
            <source>stage report</source>
            <translation>阶段报告</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="441" />
            <source>Writing the stage report…</source>
            <translation>正在生成阶段报告…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timeline.py" line="443" />
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
    </context>
    <context>
        <name>PseudonymiseDialog</name>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="51" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="52" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="53" />
            <source>Count</source>
            <translation>次数</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="54" />
            <source>Pseudonym</source>
            <translation>化名</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="112" />
            <source>person</source>
            <translation>人名</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="113" />
            <source>place</source>
            <translation>地名</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="114" />
            <source>organisation</source>
            <translation>机构</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="115" />
            <source>added</source>
            <translation>手动添加</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="143" />
            <source>Pseudonymise</source>
            <translation>化名处理</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="150" />
            <source>Names of people, places and organisations found in the transcripts. Type a pseudonym for each name to replace (e.g. 受访者A, Z社区, Y社工机构); names without one are left as they are. Applying replaces them everywhere: texts, memos, code names and descriptions, document names.</source>
            <translation>以下是在访谈稿中找到的人名、地名和机构名。请为需要替换的名称填写化名（如：受访者A、Z社区、Y社工机构）；未填写化名的名称保持不变。应用后将在所有位置替换：文本、备忘录、编码名称和说明、文档名称。</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="170" />
            <source>Add a name…</source>
            <translation>添加名称…</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="186" />
            <source>Save the mapping elsewhere…</source>
            <translation>将对照表保存到其他位置…</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="194" />
            <source>Save mapping and apply</source>
            <translation>保存对照表并应用</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="219" />
            <source>Looking for names…</source>
            <translation>正在查找名称…</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="234" />
            <source>Looking for names</source>
            <translation>正在查找名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="243" />
            <source>Add a name</source>
            <translation>添加名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="244" />
            <source>A name jieba did not find:</source>
            <translation>jieba 未识别出的名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="262" />
            <source>Save the mapping</source>
            <translation>保存对照表</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="263" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="204" />
            <source>⚠ The mapping from real names to pseudonyms will be saved to:
{path}
It is NOT part of the project, and it re-identifies people: keep it somewhere safe and never share it with the project.</source>
            <translation>⚠ 真实姓名与化名的对照表将保存到：
{path}
它不属于项目，且可据此识别当事人：请妥善保管，切勿随项目一同共享。</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="279" />
            <source>Type a pseudonym for at least one name.</source>
            <translation>请至少为一个名称填写化名。</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="284" />
            <source>The mapping must not be kept beside the project.</source>
            <translation>对照表不得与项目存放在同一位置。</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="295" />
            <source>The pseudonyms cannot be applied.</source>
            <translation>无法应用化名。</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="301" />
            <source>Pseudonymise {n} name(s)</source>
            <translation>对 {n} 个名称进行化名处理</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="308" />
            <source>{n} occurrence(s) replaced. The mapping is saved at {path}.</source>
            <translation>已替换 {n} 处。对照表已保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="212" />
            <source>Backups beside the project still hold the real names: {files}</source>
            <translation>项目旁的备份文件仍含有真实姓名：{files}</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="227" />
            <source>{n} name(s) found.</source>
            <translation>找到 {n} 个名称。</translation>
        </message>
        <message>
            <location filename="../../app/ui/pseudonyms_dialog.py" line="285" />
            <source>Choose a folder that is not shared with the project: {path}</source>
            <translation>请选择一个不与项目一同共享的文件夹：{path}</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location filename="../../app/ui/i18n.py" line="27" />
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/i18n.py" line="28" />
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>QuickCodeBox</name>
        <message>
            <location filename="../../app/ui/code_panel.py" line="99" />
            <source>Quick code: name, pinyin (zqfn) or keyword — Enter applies</source>
            <translation>快速编码：名称、拼音首字母（zqfn）或关键词，按回车应用</translation>
        </message>
    </context>
    <context>
        <name>RetrievalPanel</name>
        <message>
            <location filename="../../app/ui/panels.py" line="137" />
            <source>Add selected code</source>
            <translation>添加所选编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="139" />
            <source>Exclude selected code</source>
            <translation>排除所选编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="141" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="143" />
            <source>any of them (OR)</source>
            <translation>任一编码（OR）</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="144" />
            <source>where all overlap (AND)</source>
            <translation>全部编码重叠处（AND）</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="153" />
            <source>Retrieve</source>
            <translation>检索</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="155" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="159" />
            <location filename="../../app/ui/panels.py" line="316" />
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="160" />
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="161" />
            <location filename="../../app/ui/panels.py" line="316" />
            <source>Codes</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="162" />
            <source>Coder</source>
            <translation>编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="163" />
            <location filename="../../app/ui/panels.py" line="317" />
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="164" />
            <source>Passage</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="172" />
            <source>include child codes</source>
            <translation>包含下级编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="182" />
            <source>Not coded with:</source>
            <translation>排除编码：</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="192" />
            <source>Document:</source>
            <translation>文档：</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="192" />
            <source>Case:</source>
            <translation>案例：</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="193" />
            <source>Coder:</source>
            <translation>编码者：</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="193" />
            <source>Stage:</source>
            <translation>阶段：</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="233" />
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="302" />
            <source>{n} passage(s)</source>
            <translation>{n} 个片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="306" />
            <source>passages</source>
            <translation>检索片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="307" />
            <source>Export passages</source>
            <translation>导出片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="308" />
            <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="316" />
            <source>Start</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="316" />
            <source>End</source>
            <translation>终点</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="316" />
            <source>Coders</source>
            <translation>编码者</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="317" />
            <source>Before</source>
            <translation>前文</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="317" />
            <source>Text</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="317" />
            <source>After</source>
            <translation>后文</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../../app/ui/panels.py" line="69" />
            <source>Search all documents (1 character or more)…</source>
            <translation>在全部文档中搜索（至少 1 个字符）…</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="73" />
            <source>Match Traditional/Simplified</source>
            <translation>繁简互通</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="74" />
            <source>代议 also finds 代議, 软件 also finds 軟體</source>
            <translation>代议 也能找到 代議，软件 也能找到 軟體</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="77" />
            <source>Code all hits with the selected code</source>
            <translation>用所选编码标注全部搜索结果</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="80" />
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="81" />
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="82" />
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <location filename="../../app/ui/panels.py" line="114" />
            <source>{n} hit(s)</source>
            <translation>{n} 处结果</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="41" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="44" />
            <source>As the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="53" />
            <source>your name as a coder</source>
            <translation>您作为编码者的名字</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="55" />
            <source>Interface language:</source>
            <translation>界面语言：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="56" />
            <source>(takes effect when Guiji starts again)</source>
            <translation>（重新启动轨迹后生效）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="57" />
            <source>Transcript text size:</source>
            <translation>访谈稿字号：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="58" />
            <source>Coder name:</source>
            <translation>编码者名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="59" />
            <source>Match Traditional and Simplified Chinese as one</source>
            <translation>繁体与简体中文视为相同</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="61" />
            <source>Search:</source>
            <translation>搜索：</translation>
        </message>
    </context>
    <context>
        <name>StageActions</name>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="37" />
            <source>Set &amp;stage</source>
            <translation>设为阶段(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="38" />
            <source>&amp;No stage</source>
            <translation>无阶段(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="39" />
            <source>&amp;Inherit (from the passage or document)</source>
            <translation>继承(&amp;I)（来自段落或文档）</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="40" />
            <source>No stages yet (Stages → Edit stages…)</source>
            <translation>还没有阶段（阶段 → 编辑阶段…）</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="41" />
            <source>Set stage “{stage}” on a passage of “{document}”</source>
            <translation>将「{document}」中的一段设为阶段「{stage}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="42" />
            <source>Remove the stage from a passage of “{document}”</source>
            <translation>取消「{document}」中一段的阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="43" />
            <source>Set stage “{stage}” on document “{document}”</source>
            <translation>将文档「{document}」设为阶段「{stage}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="44" />
            <source>Remove the stage of document “{document}”</source>
            <translation>取消文档「{document}」的阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="45" />
            <source>Set stage “{stage}” on coding “{code}”</source>
            <translation>将编码片段「{code}」设为阶段「{stage}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="46" />
            <source>Set stage “{stage}” on {n} codings</source>
            <translation>将 {n} 个编码片段设为阶段「{stage}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="47" />
            <source>Coding “{code}” inherits its stage</source>
            <translation>编码片段「{code}」继承阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="48" />
            <source>{n} codings inherit their stage</source>
            <translation>{n} 个编码片段继承阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="49" />
            <source>Stage of this &amp;coding</source>
            <translation>此编码片段的阶段(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_actions.py" line="50" />
            <source>The stage could not be set.</source>
            <translation>无法设置阶段。</translation>
        </message>
    </context>
    <context>
        <name>StagePicker</name>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="104" />
            <source>Stage: name, pinyin (xt) or number — Enter sets it, Esc cancels</source>
            <extracomment>How far from the cursor a sentence is looked for in a line without breaks (a longer sentence is cut).</extracomment>
            <translation>阶段：名称、拼音（xt）或序号——回车设定，Esc 取消</translation>
        </message>
    </context>
    <context>
        <name>StageRoute</name>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="183" />
            <source>&amp;Stages</source>
            <translation>阶段(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="184" />
            <source>Set &amp;stage…</source>
            <translation>设为阶段(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="185" />
            <source>Stage of the se&amp;lection</source>
            <translation>所选内容的阶段(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="186" />
            <source>Stage of this &amp;document</source>
            <translation>此文档的阶段(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="188" />
            <source>&amp;Edit stages…</source>
            <translation>编辑阶段(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="221" />
            <source>Open a document first: the stage is set on its selected passage.</source>
            <translation>请先打开文档：阶段设置在所选段落上。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="223" />
            <source>The project is open read-only: stages cannot be set.</source>
            <translation>项目以只读方式打开：无法设置阶段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="233" />
            <source>Select a passage (or put the cursor in a sentence) to set its stage.</source>
            <translation>请选中一段文字（或将光标放在某句中）再设置阶段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="239" />
            <source>The project has no stages yet: add them in Stages → Edit stages…</source>
            <translation>项目还没有阶段：请在“阶段 → 编辑阶段…”中添加。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="270" />
            <source>Open a project first.</source>
            <translation>请先打开项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="244" />
            <source>Stage for the selection (characters {start}–{end})</source>
            <translation>所选内容的阶段（第 {start}–{end} 个字符）</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="245" />
            <source>Stage for the sentence at the cursor (characters {start}–{end})</source>
            <translation>光标所在句子的阶段（第 {start}–{end} 个字符）</translation>
        </message>
        <message>
            <location filename="../../app/ui/stage_picker.py" line="262" />
            <source>Stage “{stage}” set on characters {start}–{end}.</source>
            <translation>已将第 {start}–{end} 个字符设为阶段「{stage}」。</translation>
        </message>
    </context>
    <context>
        <name>StageSuggestionsTab</name>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="35" />
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="36" />
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="37" />
            <source>Passage</source>
            <translation>段落</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="38" />
            <source>Why</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="47" />
            <source>Suggest stages</source>
            <translation>建议阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="49" />
            <source>From time expressions (2016年, 三年前, 现在, 未来…) and the stages' dates and time words</source>
            <translation>依据时间表达（2016年、三年前、现在、未来……）以及各阶段的日期和时间词</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="51" />
            <source>Accept</source>
            <translation>接受</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="52" />
            <source>Place the selected passages in their suggested stages</source>
            <translation>把选中的段落放入建议的阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="54" />
            <source>Reject</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="55" />
            <source>Drop the selected stage suggestions from the list</source>
            <translation>从列表中去掉选中的阶段建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="75" />
            <source>No document is shown.</source>
            <translation>没有显示文档。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="89" />
            <source>{n} stage suggestion(s) for this document.</source>
            <translation>本文档 {n} 条阶段建议。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="109" />
            <source>Accept {n} stage suggestion(s)</source>
            <translation>接受 {n} 条阶段建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions_stages.py" line="113" />
            <source>The stage could not be set.</source>
            <translation>无法设置阶段。</translation>
        </message>
    </context>
    <context>
        <name>StagesDialog</name>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="82" />
            <location filename="../../app/ui/stages_dialog.py" line="277" />
            <source>Stages</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="89" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="90" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="91" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="92" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="93" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="112" />
            <source>YYYY-MM-DD (optional)</source>
            <translation>YYYY-MM-DD（可选）</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="117" />
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="118" />
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="119" />
            <source>Start date</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="120" />
            <source>End date</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="121" />
            <source>Apply changes</source>
            <translation>应用修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="198" />
            <source>The stage could not be added.</source>
            <translation>无法添加该阶段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="219" />
            <source>The stage could not be changed.</source>
            <translation>无法修改该阶段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="230" />
            <source>The stage could not be moved.</source>
            <translation>无法移动该阶段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="241" />
            <source>The stage could not be deleted.</source>
            <translation>无法删除该阶段。</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="247" />
            <source>New stage</source>
            <translation>新建阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="247" />
            <source>Name of the new stage:</source>
            <translation>新阶段的名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="255" />
            <source>Rename stage</source>
            <translation>重命名阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="255" />
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="264" />
            <source>Delete stage</source>
            <translation>删除阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="265" />
            <source>Delete the stage “{name}” and its spans? (Undo brings them back.)</source>
            <translation>删除阶段“{name}”及其文本区段标记吗？（可撤销恢复。）</translation>
        </message>
        <message>
            <location filename="../../app/ui/stages_dialog.py" line="272" />
            <source>Stage colour</source>
            <translation>阶段颜色</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <location filename="../../app/ui/start_page.py" line="62" />
            <source>Coding Chinese interview transcripts: codes, stages and processes.</source>
            <translation>中文访谈转录文本编码：编码、阶段与过程。</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="67" />
            <source>No recent projects yet.</source>
            <translation>还没有最近的项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="69" />
            <source>Recent projects</source>
            <translation>最近的项目</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="74" />
            <source>Begin</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="77" />
            <source>&amp;New project…</source>
            <translation>新建项目(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="78" />
            <source>&amp;Open project…</source>
            <translation>打开项目(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="79" />
            <source>Open the &amp;sample project</source>
            <translation>打开示例项目(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="80" />
            <source>Import a REFI-QDA project (.&amp;qdpx)…</source>
            <translation>导入 REFI-QDA 项目（.&amp;qdpx）…</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="81" />
            <source>Import an RQDA project (.&amp;rqda)…</source>
            <translation>导入 RQDA 项目（.&amp;rqda）…</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="88" />
            <source>New projects can start from a framework template (grounded theory, co-production, community governance) or empty.</source>
            <translation>新项目可以从框架模板（扎根理论、共同生产、社区治理）开始，也可以从空白开始。</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="134" />
            <source>The sample project could not be built.</source>
            <translation>无法生成示例项目。</translation>
        </message>
    </context>
    <context>
        <name>SuggestionPanel</name>
        <message>
            <location filename="../../app/ui/suggestions.py" line="111" />
            <source>Lowest calibrated model score shown (keyword rules are shown by their measured trust)</source>
            <translation>显示的模型最低校准得分（关键词规则按其实测可信度显示）</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="114" />
            <source>Only the selection</source>
            <translation>仅限选中文本</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="116" />
            <source>Show all</source>
            <translation>全部显示</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="118" />
            <source>Also list what is found but not listed by default: more than a handful per screen of text, and codes whose keyword rules or model were usually wrong on this project</source>
            <translation>也列出默认不列出的建议：每屏文本超过几条的部分，以及在本项目中关键词规则或模型多半出错的编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="122" />
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="123" />
            <location filename="../../app/ui/suggestions.py" line="187" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="124" />
            <source>Trust</source>
            <translation>可信度</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="125" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="126" />
            <source>Passage</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="127" />
            <source>Why</source>
            <translation>依据</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="138" />
            <source>Accept</source>
            <translation>接受</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="139" />
            <source>Code the selected suggestions' passages with their codes</source>
            <translation>用所选建议的编码标注相应片段</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="141" />
            <source>Reject</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="142" />
            <source>Never suggest these codes for these passages again</source>
            <translation>不再为这些片段建议这些编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="144" />
            <source>Accept all above threshold…</source>
            <translation>接受阈值以上的全部建议…</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="146" />
            <source>All documents…</source>
            <translation>全部文档…</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="147" />
            <source>Suggest codes in every document (in the background)</source>
            <translation>为每个文档生成编码建议（在后台运行）</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="153" />
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="174" />
            <source>Train now</source>
            <translation>立即训练</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="176" />
            <source>Measure quality</source>
            <translation>评估质量</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="178" />
            <source>Cross-validate by document: how often the suggestions were right</source>
            <translation>按文档交叉验证：建议的正确率</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="180" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="188" />
            <source>Coded units</source>
            <translation>已编码单元</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="189" />
            <source>Keywords F1</source>
            <translation>关键词 F1</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="190" />
            <source>Model F1</source>
            <translation>模型 F1</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="191" />
            <source>Combined F1</source>
            <translation>综合 F1</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="192" />
            <source>Model precision</source>
            <translation>模型精确率</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="193" />
            <source>Model recall</source>
            <translation>模型召回率</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="214" />
            <source>Term</source>
            <translation>词语</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="215" />
            <source>Weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="216" />
            <source>Occurrences</source>
            <translation>出现次数</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="220" />
            <source>Key terms</source>
            <translation>关键词</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="221" />
            <source>TF-IDF key terms of the selection, or of the document</source>
            <translation>提取选中文本（或整篇文档）的 TF-IDF 关键词</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="223" />
            <source>TextRank</source>
            <translation>TextRank</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="224" />
            <source>TextRank key terms (slower; better at terms that recur)</source>
            <translation>TextRank 关键词（较慢；更善于发现反复出现的词语）</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="226" />
            <source>Create code</source>
            <translation>创建编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="227" />
            <source>A new top-level code named after each selected term</source>
            <translation>以每个选中的词语为名新建一级编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="229" />
            <source>Terms of the document (or the selection) that are not yet code names.</source>
            <translation>文档（或选中文本）中尚未用作编码名称的词语。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="244" />
            <location filename="../../app/ui/suggestions.py" line="783" />
            <source>Suggestions</source>
            <translation>编码建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="245" />
            <source>Model and quality</source>
            <translation>模型与质量</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="246" />
            <source>New code names</source>
            <translation>新编码名称</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="250" />
            <source>Stages</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="341" />
            <source>Finding suggestions…</source>
            <translation>正在生成编码建议…</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="381" />
            <source>Suggestions failed: {error}</source>
            <translation>编码建议失败：{error}</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="422" />
            <source>No project is open.</source>
            <translation>未打开项目。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="426" />
            <source>{n} suggestion(s) in {d} document(s).</source>
            <translation>{d} 个文档中共 {n} 条建议。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="429" />
            <source>{n} suggestion(s) for this document, the best first ({h} more with “Show all” or a lower threshold).</source>
            <translation>本文档 {n} 条建议，最好的在前（“全部显示”或降低阈值还有 {h} 条）。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="461" />
            <source>Measured on this project: keywords F1 {kw:.2f}, model F1 {m:.2f} ({n} coded units)</source>
            <translation>本项目实测：关键词 F1 {kw:.2f}，模型 F1 {m:.2f}（{n} 个已编码单元）</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="467" />
            <source>keyword</source>
            <translation>关键词</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="467" />
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="484" />
            <source>Accept {n} suggestion(s)</source>
            <translation>接受 {n} 条建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="488" />
            <source>The suggestion could not be accepted.</source>
            <translation>无法接受该建议。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="502" />
            <source>Reject suggestion</source>
            <translation>拒绝建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="505" />
            <source>Reject {n} suggestion(s)</source>
            <translation>拒绝 {n} 条建议</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="509" />
            <source>The suggestion could not be rejected.</source>
            <translation>无法拒绝该建议。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="557" />
            <source>Suggestions failed.</source>
            <translation>编码建议失败。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="559" />
            <source>Suggesting codes in every document…</source>
            <translation>正在为每个文档生成编码建议…</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="582" />
            <source>Finding key terms…</source>
            <translation>正在提取关键词…</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="590" />
            <source>Key terms failed: {error}</source>
            <translation>关键词提取失败：{error}</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="594" />
            <source>{n} term(s) not yet used as code names.</source>
            <translation>{n} 个词语尚未用作编码名称。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="609" />
            <source>New code(s) from key terms</source>
            <translation>由关键词新建编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="613" />
            <source>The code could not be created.</source>
            <translation>无法创建编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="626" />
            <source>No model yet: suggestions come from keywords and code names only. It is trained in the background once there are {n} codings.</source>
            <translation>尚无模型：目前仅根据关键词和编码名称提出建议。编码片段达到 {n} 个后，将在后台训练模型。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="630" />
            <source>The saved model was made by another version of Guiji; it will be retrained.</source>
            <translation>已保存的模型由其他版本的轨迹生成，将重新训练。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="633" />
            <source>Model trained {when} on {n} codings ({labels} codes); it retrains after {k} more changes (now {changed}).</source>
            <translation>模型于 {when} 基于 {n} 个编码片段（{labels} 个编码）训练；再有 {k} 处更改后将重新训练（目前已有 {changed} 处）。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="666" />
            <source>Training the model…</source>
            <translation>正在训练模型…</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="675" />
            <source>Training cancelled; the previous model is kept.</source>
            <translation>已取消训练，保留原有模型。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="677" />
            <source>Training failed: {error}</source>
            <translation>训练失败：{error}</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="679" />
            <source>Model trained in {s:.1f} s.</source>
            <translation>模型训练完成，用时 {s:.1f} 秒。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="697" />
            <source>Measuring quality (cross-validation)…</source>
            <translation>正在评估质量（交叉验证）…</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="708" />
            <source>Quality not measured: {error}</source>
            <translation>未能评估质量：{error}</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="732" />
            <source>{k}-fold cross-validation by document over {d} coded documents ({u} sentences), threshold {t:.2f}. F1 — keywords {kw:.2f}, model {m:.2f}, combined {c:.2f}. A code with few coded units has an unreliable figure.</source>
            <translation>基于 {d} 个已编码文档（{u} 句）按文档进行 {k} 折交叉验证，阈值 {t:.2f}。F1：关键词 {kw:.2f}，模型 {m:.2f}，综合 {c:.2f}。已编码单元较少的编码，其数值不可靠。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="738" />
            <source>Not measured yet: press “Measure quality”.</source>
            <translation>尚未评估：请点击“评估质量”。</translation>
        </message>
        <message>
            <location filename="../../app/ui/suggestions.py" line="798" />
            <source>Code &amp;suggestions</source>
            <translation>编码建议(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <location filename="../../app/ui/tasks.py" line="118" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>TextMenu</name>
        <message>
            <location filename="../../app/ui/text_menu.py" line="56" />
            <source>Context menu of the text</source>
            <translation>文本的右键菜单</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="102" />
            <source>Code &amp;with</source>
            <translation>编码为(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="107" />
            <source>&amp;New code from selection…</source>
            <translation>用所选文字新建编码(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="110" />
            <source>&amp;In-vivo code</source>
            <translation>原话编码(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="116" />
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="117" />
            <source>Copy with &amp;reference</source>
            <translation>复制并附出处(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="119" />
            <source>Select &amp;all</source>
            <translation>全选(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="124" />
            <source>&amp;Memo on coding “{code}”…</source>
            <translation>编码片段「{code}」的备忘录(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="128" />
            <source>Remo&amp;ve coding “{code}”</source>
            <translation>删除编码片段「{code}」(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="146" />
            <source>&amp;All codes</source>
            <translation>全部编码(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="154" />
            <source>“{name}” itself</source>
            <translation>「{name}」本身</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="182" />
            <source>The code could not be applied.</source>
            <translation>无法应用编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="196" />
            <source>The code could not be made.</source>
            <translation>无法创建编码。</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="203" />
            <source>New code</source>
            <translation>新建编码</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="204" />
            <source>Name of the new code:</source>
            <translation>新编码的名称：</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="208" />
            <source>New code “{name}”</source>
            <translation>新建编码「{name}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="217" />
            <source>In-vivo code “{name}”</source>
            <translation>原话编码「{name}」</translation>
        </message>
        <message>
            <location filename="../../app/ui/text_menu.py" line="237" />
            <source>&amp;Aggregate counts of child codes</source>
            <translation>汇总子编码的计数(&amp;A)</translation>
        </message>
    </context>
</TS>
