id: foi-air-raid-shelters
kind: foi
title: 人防工程（应急避难场所）位置清单
domain: civil-defence
expected_reply: 2
subject: 政府信息公开申请——城区人防工程和疏散基地的位置
note: 平时用作停车场、应急避难的人防工程位置多已公开（第（一）项或第（二）项）；涉及战时功能和防护等级的可能依《保守国家秘密法》不予公开（第（三）项），答复应说明理由，看单位是否区分处理。

{{unit.name}}：

你好，我是{{persona.name}}，住在城区。家里有老人小孩，想知道万一有事应该往哪儿躲。依据《中华人民共和国政府信息公开条例》第二十九条，申请公开：

城区已建成并向公众开放的人防工程（含平时用作地下停车场的）和人口疏散基地、应急避难场所的名称和位置，以及每处可容纳的人数。

请把电子版用电子邮件发到{{reply_to}}。我的证件：{{persona.id_type}} {{persona.id_number}}，电话{{persona.phone}}，地址{{persona.address}}。

{{persona.name}}
{{date}}
