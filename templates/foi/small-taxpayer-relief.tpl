id: foi-small-taxpayer-relief
kind: foi
title: 小规模纳税人增值税减免政策落实情况
domain: budget
expected_reply: 5
subject: 政府信息公开申请：{{year.last}}年小规模纳税人增值税减免情况
note: 税收征管数据由税务机关制作和保存，税务系统实行垂直管理；财政部门或地方政府收到此申请，正确答复是告知不属于本机关负责公开，并指明国家税务总局当地税务局及其联系方式（第（五）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

{{year.last}}年，贵单位所在地区享受小规模纳税人增值税减免政策（月销售额10万元以下免征增值税、适用3%征收率的减按1%征收）的纳税人户数和减免税额，请按月列出。

所需信息的形式和获取方式：电子文档（PDF、Word、Excel格式均可），请通过电子邮件发送至{{reply_to}}。如上述信息已经主动公开，请告知具体的网址或栏目名称。

申请人信息
姓名：{{persona.name}}
证件类型：{{persona.id_type}}
证件号码：{{persona.id_number}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
通信地址：{{persona.address}}
邮政编码：{{persona.postcode}}

申请人：{{persona.name}}
{{date}}
