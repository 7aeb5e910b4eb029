id: foi-specialised-smes
kind: foi
title: 专精特新中小企业名单及奖补资金
domain: industry
expected_reply: 1
subject: 政府信息公开申请：专精特新中小企业名单及奖补兑现情况
note: 省级认定名单由省经信厅公布，奖补兑现结果一般经过公示；正确答复以告知获取途径为主（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

1. 贵单位辖区内被认定为湖北省专精特新中小企业（含国家级专精特新“小巨人”企业）的企业名单及认定年度；
2. {{year.last}}年对上述企业兑现的市级（县级）奖补资金的标准、企业名单和金额。

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
