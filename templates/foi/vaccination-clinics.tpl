id: foi-vaccination-clinics
kind: foi
title: 预防接种门诊名单和服务时间
domain: health
expected_reply: 1
subject: 政府信息公开申请：预防接种门诊名单及服务时间
note: 卫生健康领域基层政务公开标准指引要求公开预防接种服务机构信息（第（一）项）。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条的规定，向贵单位申请公开下列政府信息：

贵单位辖区内预防接种门诊（含产科接种室、狂犬病暴露处置门诊）的名单，包括名称、地址、接种服务时间、咨询电话，以及可以接种的非免疫规划疫苗种类。

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
