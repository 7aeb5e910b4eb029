id: consult-online-shopping-complaint
kind: consult
title: 网购假货投诉
domain: market-regulation
subject: 网上买到假货，商家不给退，怎么投诉
keypoint: 12315
keypoint: 订单 | 付款记录 | 聊天记录 | 截图 | 证据
reference: 可以先与商家和平台协商；协商不成的，可以通过全国12315平台（网站、App、微信小程序）或拨打12315热线向市场监督管理部门投诉。请保存好订单截图、付款记录、聊天记录和商品照片等证据。市场监督管理部门自收到投诉之日起7个工作日内作出受理或者不予受理的决定。
valid_from: 2023-01-01
valid_until: 2026-12-31

在网上一家店买了一双运动鞋，收到后发现是假货，商家不给退。请问怎么投诉？需要准备什么？
