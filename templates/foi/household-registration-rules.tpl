id: foi-household-registration-rules
kind: foi
title: 户口迁入随州城区的现行规定
domain: public-security
expected_reply: 1
subject: 政府信息公开申请——现行户口迁移（落户）政策文件
note: 湖北省已全面放开城镇落户限制，随州的落户实施细则和办事指南一般已在公安机关网站和政务服务网公开，正确答复是告知途径（第（一）项）。

{{unit.name}}政府信息公开办：

申请人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条之规定，申请公开贵单位现行有效的户口迁移、落户政策文件，具体为：

一、随州城区（曾都区）现行落户条件的规范性文件或实施细则全文（名称、文号、施行日期）；
二、与上述文件配套的“投靠落户”“购房落户”“就业落户”的办事指南（需要提交的材料清单和办理时限）。

提供形式：电子版，发送到电子邮箱{{reply_to}}；无法发邮件的，请邮寄纸质件至{{persona.address}}，邮编{{persona.postcode}}。

申请人身份证件：{{persona.id_type}}，{{persona.id_number}}
联系电话：{{persona.phone}}

{{persona.name}}
{{date}}
