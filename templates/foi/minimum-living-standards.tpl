id: foi-minimum-living-standards
kind: foi
title: 城乡低保和特困人员供养标准
domain: social-assistance
expected_reply: 1
subject: 政府信息公开申请——{{year.current}}年城乡低保标准和特困人员供养标准
note: 低保标准、特困人员供养标准和汇总数据属主动公开范围（第（一）项）。

{{unit.name}}：

申请人{{persona.name}}（{{persona.id_type}}：{{persona.id_number}}）现依据《中华人民共和国政府信息公开条例》第二十九条的规定，申请获取以下政府信息：

1. {{year.current}}年贵单位辖区执行的城市、农村居民最低生活保障标准（元/人·月）及其调整文件的名称和文号；
2. 特困人员基本生活标准和照料护理标准；
3. 截至申请之日的城乡低保对象户数和人数（汇总数即可，不需要个人信息）。

信息的提供形式和获取方式：优先提供电子文本，通过电子邮件发送至{{reply_to}}；如只能提供纸质件，请邮寄至{{persona.address}}（邮编{{persona.postcode}}），收件人{{persona.name}}，电话{{persona.phone}}。

申请人：{{persona.name}}
联系电话：{{persona.phone}}
电子邮箱：{{reply_to}}
{{date}}
