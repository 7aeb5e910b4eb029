id: foi-finance-licensed-firms
kind: foi
title: 地方金融组织名录和监管评级
domain: finance
expected_reply: 1
subject: 政府信息公开申请——辖区典当行、融资租赁公司等地方金融组织名录
note: 地方金融组织名录（小额贷款公司、融资担保公司、典当行、融资租赁公司、商业保理公司等）由地方金融管理部门公布（第（一）项）；监管评级结果部分地方不公开，看单位是否说明理由。

{{unit.name}}政府信息公开工作机构：

申请人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请公开：

1. 贵单位辖区内现有典当行、融资租赁公司、商业保理公司的名录（名称、注册地址、许可或备案时间）；
2. {{year.last}}年被列入经营异常、失联或空壳名单并被清理退出的地方金融组织名单。

提供形式：电子文档，通过电子邮件发送至{{reply_to}}。

证件：{{persona.id_type}} {{persona.id_number}}
联系电话：{{persona.phone}}
通信地址：{{persona.address}}

{{persona.name}}
{{date}}
